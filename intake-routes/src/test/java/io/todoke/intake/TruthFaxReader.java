package io.todoke.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.UnreadableFaxException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real {@link FaxReader} for intake tests, standing in for the OCR engine: it opens the PDF with PDFBox (so
 * corrupt and encrypted files fail as they would in the engine), counts its pages, and returns the readings
 * written into the PDF's {@code TodokeTruth} metadata by {@link FaxFixtures}. The truth can also ask it to be
 * slow, to hang, to crash, or to fail on the first try.
 */
public class TruthFaxReader implements FaxReader {

    public static final String TRUTH_KEY = "TodokeTruth";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @Override
    public FaxReading read(Path file) throws UnreadableFaxException {
        JsonNode truth;
        int pageCount;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            pageCount = pdf.getNumberOfPages();
            String json = pdf.getDocumentInformation().getCustomMetadataValue(TRUTH_KEY);
            truth = json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (InvalidPasswordException e) {
            throw new UnreadableFaxException(UnreadableFaxException.Reason.ENCRYPTED, "password protected", e);
        } catch (IOException e) {
            throw new UnreadableFaxException(UnreadableFaxException.Reason.CORRUPT, e.getMessage(), e);
        }
        if (pageCount == 0) {
            throw new UnreadableFaxException(UnreadableFaxException.Reason.EMPTY, "no pages");
        }
        behave(file, truth);
        List<PageClassification> pages = new ArrayList<>();
        List<PageImage> images = new ArrayList<>();
        List<FormReading> forms = new ArrayList<>();
        JsonNode truthPages = truth.path("pages");
        for (int i = 0; i < pageCount; i++) {
            JsonNode page = truthPages.path(i);
            PageKind kind = PageKind.valueOf(page.path("kind").asText("form").toUpperCase(Locale.ROOT));
            pages.add(new PageClassification(i, kind, kind == PageKind.FORM ? "covid19-notification" : null,
                    kind == PageKind.FORM ? 0.9 : 0.2, 0));
            images.add(new PageImage(i, PNG, 1654, 2339));
            if (kind == PageKind.FORM) {
                Map<String, FieldReading> fields = new LinkedHashMap<>();
                FieldStatus status = FieldStatus.valueOf(page.path("status").asText("ok").toUpperCase(Locale.ROOT));
                page.path("fields").properties().forEach(f -> fields.put(f.getKey(),
                        new FieldReading(f.getKey(), value(f.getValue()), f.getValue().asText(),
                                status == FieldStatus.OK ? 0.98 : 0.5, status, pages.size() - 1,
                                new PixelBox(0, 0, 10, 10),
                                status == FieldStatus.OK ? List.of() : List.of(f.getKey() + ": 確信度が低い"))));
                forms.add(new FormReading(List.of(i), "covid19-notification", "2021-04", 0.95, fields, List.of()));
            }
        }
        return new FaxReading(file.getFileName().toString(), pages, images, forms);
    }

    private void behave(Path file, JsonNode truth) throws UnreadableFaxException {
        if (truth.path("crash").asBoolean()) {
            throw new StackOverflowError("engine crashed on purpose");
        }
        if (truth.path("failOnce").asBoolean() && failedOnce.add(truth.path("id").asText())) {
            throw new UnreadableFaxException(UnreadableFaxException.Reason.CORRUPT, "first try fails on purpose");
        }
        long sleep = truth.path("hang").asBoolean() ? Long.MAX_VALUE : truth.path("sleepMs").asLong(0);
        if (sleep > 0) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            }
        }
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return values;
        }
        return node.asText();
    }
}
