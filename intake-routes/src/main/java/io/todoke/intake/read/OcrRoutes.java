package io.todoke.intake.read;

import org.apache.camel.builder.RouteBuilder;

import java.util.UUID;

/** The OCR stage: workers take fax ids from the bounded queue and read them. Route id {@code ocr}. */
public class OcrRoutes extends RouteBuilder {

    private final OcrQueue queue;
    private final FaxReadingWorker worker;

    public OcrRoutes(OcrQueue queue, FaxReadingWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    @Override
    public void configure() {
        from(queue.consumerUri())
                .routeId("ocr")
                .process(e -> worker.read(e.getIn().getBody(UUID.class)));
    }
}
