package io.todoke.tools.rendered;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which half a sample belongs to. Calibration sets may be used to fit thresholds and rules; evaluation sets only to
 * report. A name, town or clinic is in one half for good: {@link #of} splits by a fixed hash of the text, so the
 * evaluation half of the word lists never reaches a calibration page whatever the seed.
 */
public enum Role {
    CALIBRATION, EVALUATION;

    /** The half a word list entry belongs to: FNV-1a (32 bit) of its UTF-8 bytes, even for calibration. */
    public static Role of(String entry) {
        int h = 0x811c9dc5;
        for (byte b : entry.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return (h & 1) == 0 ? CALIBRATION : EVALUATION;
    }

    public static Role parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
