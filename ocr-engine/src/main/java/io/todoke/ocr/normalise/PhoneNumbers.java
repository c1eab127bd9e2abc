package io.todoke.ocr.normalise;

import java.util.List;

/** Japanese phone numbers to half-width digits with hyphens, e.g. 078-123-4567. */
public final class PhoneNumbers {

    // Area codes whose number is split after them when written without hyphens (longest first).
    private static final List<String> TWO_DIGIT_AREAS = List.of("03", "06");
    /**
     * Prefixes of Japan's eleven-digit numbers (mobile, IP, M2M, FMC, and 0800 free dial); every other domestic number
     * has ten digits. A dropped or doubled digit, the recogniser's commonest slip in a phone number, breaks this.
     */
    private static final List<String> ELEVEN_DIGITS = List.of("090", "080", "070", "060", "050", "020", "0800");

    private PhoneNumbers() {
    }

    public static Normalised normalise(String raw) {
        // an area code in brackets, 078(123)4567 or (078)123-4567, is a group like any other
        String s = JapaneseText.stripJunk(JapaneseText.digits(raw)).replaceAll("\\s", "").replaceAll("\\((\\d+)\\)", "-$1-")
                .replaceAll("^-|-$", "").replace("--", "-");
        if (s.isEmpty()) {
            return Normalised.ok(null);
        }
        if (!s.matches("[0-9\\-]+")) {
            return Normalised.invalid("電話番号として読めません");
        }
        String digits = s.replace("-", "");
        if (!digits.startsWith("0") || digits.startsWith("00")) {
            // 00 starts international and carrier-selection dialling, never a number written on a form
            return Normalised.invalid("電話番号の市外局番が正しくありません");
        }
        boolean eleven = ELEVEN_DIGITS.stream().anyMatch(digits::startsWith);
        if (digits.length() != (eleven ? 11 : 10)) {
            return Normalised.invalid("電話番号の桁数が正しくありません");
        }
        if (s.contains("-")) {
            // keep the grouping the doctor wrote, but it must be three groups
            String[] parts = s.split("-", -1);
            if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
                return Normalised.invalid("電話番号の区切りが正しくありません");
            }
            return Normalised.ok(s);
        }
        return Normalised.ok(hyphenate(digits));
    }

    static String hyphenate(String d) {
        if (d.startsWith("0120") || d.startsWith("0800")) {
            return d.substring(0, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7);
        }
        if (d.length() == 11) {
            // mobile, IP and the like: 090-1234-5678
            return d.substring(0, 3) + "-" + d.substring(3, 7) + "-" + d.substring(7);
        }
        if (TWO_DIGIT_AREAS.stream().anyMatch(d::startsWith)) {
            return d.substring(0, 2) + "-" + d.substring(2, 6) + "-" + d.substring(6);
        }
        // most other areas (078 Kobe, 045, 052 ...) are 3-3-4
        return d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
    }
}
