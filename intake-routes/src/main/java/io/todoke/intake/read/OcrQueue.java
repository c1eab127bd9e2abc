package io.todoke.intake.read;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;

import java.util.UUID;

/**
 * The bounded queue between pickup and the OCR workers (a Camel SEDA queue). A full queue makes the
 * submitter wait: the pickup stops taking files until a worker is free. Only fax ids travel, so the inbox
 * file's exchange completes (and the file leaves the inbox) as soon as the fax is recorded and archived.
 */
public class OcrQueue {

    public static final String NAME = "todoke-ocr";

    private final CamelContext camel;
    private final int capacity;
    private final int workers;
    private ProducerTemplate producer;

    public OcrQueue(CamelContext camel, int capacity, int workers) {
        this.camel = camel;
        this.capacity = capacity;
        this.workers = workers;
    }

    public String producerUri() {
        return "seda:" + NAME + "?size=" + capacity + "&blockWhenFull=true";
    }

    public String consumerUri() {
        return "seda:" + NAME + "?size=" + capacity + "&concurrentConsumers=" + workers;
    }

    public void submit(UUID faxId) {
        producer().sendBody(producerUri(), faxId);
    }

    public int capacity() {
        return capacity;
    }

    public int depth() {
        return camel.getEndpoint(producerUri(), SedaEndpoint.class).getCurrentQueueSize();
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }
}
