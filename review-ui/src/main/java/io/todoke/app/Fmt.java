package io.todoke.app;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Formatting for the pages ({@code @fmt} in templates): times in Japan time, values as a clerk reads them. */
@Component("fmt")
public class Fmt {

    /** The zone of every time on a page and in an export. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
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

    /** A span of time as a clerk says it (2日3時間, 1時間12分, 5分, 1分未満); 「—」 when unknown. */
    public String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "1分未満";
        }
        if (minutes < 60) {
            return minutes + "分";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + "時間" + (minutes % 60 == 0 ? "" : minutes % 60 + "分");
        }
        long hours = minutes / 60;
        return hours / 24 + "日" + (hours % 24 == 0 ? "" : hours % 24 + "時間");
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
