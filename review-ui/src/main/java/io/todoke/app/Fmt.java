package io.todoke.app;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Formatting for the pages ({@code @fmt} in templates): times in Japan time, values as a clerk reads them. */
@Component("fmt")
public class Fmt {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(JAPAN);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM/dd HH:mm").withZone(JAPAN);

    public String time(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    public String shortTime(Instant i) {
        return i == null ? "" : SHORT.format(i);
    }

    /** An ISO instant from the index (UTC) in Japan time, as the pages show every time. */
    public String isoTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return TIME.format(java.time.OffsetDateTime.parse(iso).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    public String facet(String key) {
        return Labels.of(Labels.FACET, key);
    }

    public String facetValue(String key, String value) {
        return Labels.facetValue(key, value);
    }

    public String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> c) {
            return String.join("、", c.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }
}
