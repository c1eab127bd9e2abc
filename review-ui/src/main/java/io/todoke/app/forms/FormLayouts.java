package io.todoke.app.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.app.TodokeProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The form layouts under {@code todoke.forms-dir}: labels, types, required flags and options the review page
 * shows. Forms are configuration, so a new version is a new directory, read at start.
 */
@Component
public class FormLayouts {

    /** An option of a choice or multi_choice field. */
    public record Option(String value, String label) {
    }

    /** A field of a form as the clerk sees it. */
    public record Field(String key, String label, String type, boolean required, List<Option> options) {
        public boolean marks() {
            return "choice".equals(type) || "multi_choice".equals(type);
        }
    }

    /** One form version. */
    public record Layout(String formId, String version, String title, List<Field> fields) {
        public Optional<Field> field(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).findFirst();
        }
    }

    private final Map<String, Layout> byIdAndVersion = new LinkedHashMap<>();

    public FormLayouts(TodokeProperties properties, ObjectMapper mapper) {
        Path dir = properties.formsPath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The form layouts directory " + dir.toAbsolutePath()
                    + " does not exist; set todoke.forms-dir to the directory holding <form>/layout.json");
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("layout.json")).sorted().toList()) {
                Layout layout = read(mapper.readTree(file.toFile()));
                byIdAndVersion.put(layout.formId() + "@" + layout.version(), layout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the form layouts in " + dir.toAbsolutePath(), e);
        }
    }

    /** The layout of this form version, or the newest of the form if that version is unknown. */
    public Optional<Layout> layout(String formId, String version) {
        Layout exact = byIdAndVersion.get(formId + "@" + version);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byIdAndVersion.values().stream().filter(l -> l.formId().equals(formId)).reduce((a, b) -> b);
    }

    private static Layout read(JsonNode root) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : f.path("options")) {
                options.add(new Option(o.path("value").asText(), o.path("label").asText()));
            }
            fields.add(new Field(f.path("key").asText(), f.path("label").asText(), f.path("type").asText("text"),
                    f.path("required").asBoolean(false), List.copyOf(options)));
        }
        return new Layout(root.path("form_id").asText(), root.path("version").asText(), root.path("title").asText(),
                List.copyOf(fields));
    }
}
