package io.todoke.tools.samples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fax's truth JSON ({@code NAME.truth.json}) read back: how it was made and what the engine should find.
 *
 * @param file  the fax file, next to the truth
 * @param mode  fine or standard
 * @param style print or handwriting
 */
public record FaxTruth(Path file, String mode, String style, String markStyle, String format, String compression,
                       List<Page> pages, List<Form> forms) {

    public record Page(int page, String kind, int rotation) {
    }

    /** The expected output of every field key (null when empty; Integer for integers, List for multi_choice). */
    public record Form(List<Integer> pages, Map<String, Object> fields) {
    }

    public static FaxTruth read(Path truthFile) throws IOException {
        Map<String, Object> t = new ObjectMapper().readValue(Files.readAllBytes(truthFile),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        List<Page> pages = new ArrayList<>();
        for (Object o : (List<?>) t.get("pages")) {
            Map<?, ?> p = (Map<?, ?>) o;
            pages.add(new Page(((Number) p.get("page")).intValue(), (String) p.get("kind"),
                    ((Number) p.get("rotation")).intValue()));
        }
        List<Form> forms = new ArrayList<>();
        for (Object o : (List<?>) t.get("forms")) {
            Map<?, ?> f = (Map<?, ?>) o;
            List<Integer> formPages = ((List<?>) f.get("pages")).stream().map(n -> ((Number) n).intValue()).toList();
            Map<String, Object> fields = new LinkedHashMap<>();
            ((Map<?, ?>) f.get("fields")).forEach((k, v) -> fields.put((String) k, v));
            forms.add(new Form(formPages, fields));
        }
        return new FaxTruth(truthFile.resolveSibling((String) t.get("file")), (String) t.get("mode"),
                (String) t.get("style"), (String) t.get("mark_style"), (String) t.get("format"),
                (String) t.get("compression"), List.copyOf(pages), List.copyOf(forms));
    }

    /**
     * How the page reached the health center, for grouping results: the fax mode ({@code fine}, {@code standard}),
     * {@code pc-pdf} for a PDF made on a PC with a text layer, {@code scan png} / {@code scan jpeg} for scans.
     */
    public String channel() {
        if (SampleGenerator.PDF_TEXT.equals(format)) {
            return "pc-pdf";
        }
        if ("png".equals(format) || "jpeg".equals(format)) {
            return "scan " + format;
        }
        return mode;
    }

    /** Every truth file in dir, by name. */
    public static List<FaxTruth> readAll(Path dir) throws IOException {
        List<FaxTruth> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".truth.json")).sorted().toList()) {
                out.add(read(p));
            }
        }
        return out;
    }
}
