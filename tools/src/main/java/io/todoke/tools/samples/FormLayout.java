package io.todoke.tools.samples;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The printed form as {@code layout.json} describes it (boxes in mm from the page's top-left corner).
 * The generator's own view of the layout: it draws the blank form from {@code static} and fills {@code fields}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormLayout(
        @JsonProperty("form_id") String formId,
        String version,
        String title,
        Disease disease,
        Page page,
        @JsonProperty("static") List<StaticItem> statics,
        List<Field> fields) {

    /** Where the canonical layout lives, relative to the repository root. */
    public static final String CANONICAL = "config/forms/covid19-notification/layout.json";

    /** The disease the form notifies ({@code covid19}, {@code tuberculosis} …); covid19 where a layout names none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disease(String code, String name) {
    }

    public String diseaseCode() {
        return disease == null || disease.code() == null ? "covid19" : disease.code();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(@JsonProperty("width_mm") double widthMm, @JsonProperty("height_mm") double heightMm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Box(double x, double y, double w, double h) {
    }

    /** A printed cell (with label and maybe a border) or an empty check box. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaticItem(String kind, String text, double x, double y, double w, double h,
                             double size, String align, boolean border, boolean bold) {
        public boolean isCheckbox() {
            return "checkbox".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String value, String label, Box mark, Box zone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String key, String label, String type, Box box, boolean required, List<Option> options) {
        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public boolean isMark() {
            return "choice".equals(type) || "multi_choice".equals(type);
        }
    }

    public Field field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in " + formId));
    }

    public static FormLayout read(Path file) {
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(Files.readAllBytes(file), FormLayout.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form layout " + file, e);
        }
    }

    /** The canonical layout, found from the working directory or one of its parents (tests run in the module). */
    public static FormLayout canonical() {
        return read(locate(CANONICAL));
    }

    static Path locate(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found from " + Path.of("").toAbsolutePath());
    }
}
