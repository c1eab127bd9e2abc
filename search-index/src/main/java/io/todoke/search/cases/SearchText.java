package io.todoke.search.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one normalisation applied to indexed text and to what staff type, so that width, kana script, case and
 * spacing never decide whether a case is found: NFKC (half-width kana and full-width digits), lower case,
 * hiragana to katakana, white space removed.
 */
public final class SearchText {

    /** Suffixes beyond this length add index size but no findability (nobody types 64 characters). */
    static final int MAX_INDEXED_LENGTH = 64;

    private SearchText() {
    }

    /** Normalised text plus, for every normalised char, the index of the original char it came from. */
    record Mapped(String text, int[] origin) {
    }

    public static String normalize(String text) {
        return map(text).text();
    }

    /** Katakana reading as the form rules store it: NFKC, hiragana turned into katakana, spaces kept. */
    public static String katakana(String text) {
        if (text == null) {
            return null;
        }
        return toKatakana(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    static Mapped map(String text) {
        if (text == null) {
            return new Mapped("", new int[0]);
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Integer> origin = new ArrayList<>(text.length());
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            String piece = toKatakana(Normalizer.normalize(new String(Character.toChars(codePoint)),
                    Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    continue;
                }
                // Half-width ｶﾞ arrives as two chars; NFKC of each alone leaves a combining mark to fold in.
                if ((c == '\u3099' || c == '\u309A') && out.length() > 0) {
                    String composed = Normalizer.normalize(out.charAt(out.length() - 1) + String.valueOf(c),
                            Normalizer.Form.NFC);
                    if (composed.length() == 1) {
                        out.setCharAt(out.length() - 1, composed.charAt(0));
                        continue;
                    }
                }
                out.append(c);
                origin.add(i);
            }
            i += width;
        }
        return new Mapped(out.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
    }

    static String toKatakana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // ぁ (U+3041) .. ゖ (U+3096) and ゝゞ sit exactly 0x60 below their katakana.
            out.append((c >= '\u3041' && c <= '\u3096') || c == '\u309D' || c == '\u309E' ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    /** Digits only, for phone numbers however they were written. */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when the typed term looks like (part of) a phone number. */
    public static boolean isPhoneLike(String term) {
        String normalized = Normalizer.normalize(term, Normalizer.Form.NFKC);
        return normalized.matches("[0-9()\\-+ー−‐]+") && !digits(normalized).isEmpty();
    }

    /**
     * Every suffix of the normalised text: a prefix query over them is an exact substring match, which the
     * analyser-less local node cannot otherwise do for Japanese.
     */
    public static Set<String> suffixes(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        String text = normalized.length() > MAX_INDEXED_LENGTH ? normalized.substring(0, MAX_INDEXED_LENGTH)
                : normalized;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i))) {
                continue;
            }
            out.add(text.substring(i));
        }
        return out;
    }

    /** Terms of a query: white space separates them, each must match somewhere. */
    public static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        if (query == null) {
            return terms;
        }
        for (String part : Normalizer.normalize(query, Normalizer.Form.NFKC).trim().split("[\\s\\u3000]+")) {
            if (!normalize(part).isEmpty()) {
                terms.add(part);
            }
        }
        return terms;
    }

    /**
     * The value with every occurrence of the normalised terms wrapped in {@code <em>}, HTML-escaped like
     * Elasticsearch's highlighter output; {@code null} when no term occurs.
     */
    public static String highlight(String value, List<String> normalizedTerms) {
        if (value == null || normalizedTerms.isEmpty()) {
            return null;
        }
        return mark(value, map(value), normalizedTerms);
    }

    /** {@link #highlight} for phone numbers: digit terms match across hyphens and spaces. */
    public static String highlightDigits(String value, List<String> digitTerms) {
        if (value == null || digitTerms.isEmpty()) {
            return null;
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (normalized.length() != value.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) >= '0' && normalized.charAt(i) <= '9') {
                digits.append(normalized.charAt(i));
                origin.add(i);
            }
        }
        return mark(value, new Mapped(digits.toString(), origin.stream().mapToInt(Integer::intValue).toArray()),
                digitTerms);
    }

    private static String mark(String value, Mapped mapped, List<String> normalizedTerms) {
        boolean[] marked = new boolean[value.length()];
        boolean any = false;
        for (String term : normalizedTerms) {
            if (term.isEmpty()) {
                continue;
            }
            for (int at = mapped.text().indexOf(term); at >= 0; at = mapped.text().indexOf(term, at + 1)) {
                int from = mapped.origin()[at];
                int lastNormalized = at + term.length() - 1;
                int to = lastNormalized + 1 < mapped.origin().length ? mapped.origin()[lastNormalized + 1]
                        : value.length();
                // Spaces and hyphens between the match and the next char stay outside the mark.
                while (to > from && !Character.isLetterOrDigit(value.charAt(to - 1))) {
                    to--;
                }
                for (int k = from; k < to; k++) {
                    marked[k] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < value.length(); k++) {
            if (marked[k] && (k == 0 || !marked[k - 1])) {
                out.append("<em>");
            }
            char c = value.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
            if (marked[k] && (k == value.length() - 1 || !marked[k + 1])) {
                out.append("</em>");
            }
        }
        return out.toString();
    }
}
