package io.todoke.ocr.normalise;

import java.text.Normalizer;

/** Text clean-up shared by the field normalisers. */
public final class JapaneseText {

    private JapaneseText() {
    }

    /**
     * NFKC, trimmed, stray marks at either end removed, runs of spaces made one; spaces OCR puts next to digits
     * and punctuation ("4 0 7", "2 5号") removed. A single space between Japanese words is kept as written (the
     * space between family and given name); comparisons ignore white space.
     */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String s = stripJunk(Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('\n', ' ').replaceAll("\\s+", " ").strip());
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < s.length() && (tight(s.charAt(i - 1)) || tight(s.charAt(i + 1)))
                    && !(isLatin(s.charAt(i - 1)) && isLatin(s.charAt(i + 1)) && Character.isLetter(s.charAt(i - 1)))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean tight(char c) {
        return Character.isDigit(c) || "-()[]:;,.、。・/".indexOf(c) >= 0 || c == '丁' || c == '目' || c == '番' || c == '号';
    }

    /**
     * Specks and smudges that OCR reads as punctuation at the ends of a cell: . 。 ・ ' " ` , 、 | , a trailing dash run,
     * and a corner bracket that opens nothing or closes nothing (the end of a cell's border read as 「).
     */
    public static String stripJunk(String s) {
        String out = s.replaceAll("^[\\s.。・'\"`,、|_~]+", "").replaceAll("[\\s.。・'\"`,、|_~]+$", "")
                .replaceAll("([^ァ-ヺ])[ー\\-]{2,}$", "$1").strip();
        String stripped = unmatchedBrackets(out);
        return stripped.equals(out) ? out : stripJunk(stripped);
    }

    /**
     * Whether a normalised text has what a speck or a broken character leaves when every reading makes the same
     * mistake: punctuation opening or closing the text (三宮 read as ":宮", a speck after the last word read as ":"), a
     * full stop or comma (not 、) against Japanese writing, a Latin letter between Japanese characters (神戸 read as 神P).
     * Brackets, a trailing %, and a colon inside the text (基礎疾患:高血圧) are writing.
     */
    public static boolean hasStrayMark(String text) {
        String s = text.replace(" ", "");
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (isPunctuation(first) && "(（[「『【".indexOf(first) < 0
                || isPunctuation(last) && ")）]」』】%".indexOf(last) < 0) {
            return true;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            boolean before = isJapanese(s.charAt(i - 1));
            boolean after = isJapanese(s.charAt(i + 1));
            if (".,;。．，".indexOf(c) >= 0 && (before || after) || isLatin(c) && Character.isLetter(c) && before && after) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a space stands between two Japanese characters. In a name it parts family from given name; in other
     * text it is either a gap the writer left or where a small mark was lost: a handwritten colon's two dots are the
     * size of fax specks, and the page's cleaning removed them (基礎疾患：高血圧 read by every reading as 基礎疾患 高血圧).
     */
    public static boolean hasGapInside(String text) {
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == ' ' && isJapanese(text.charAt(i - 1)) && isJapanese(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPunctuation(char c) {
        int t = Character.getType(c);
        return t == Character.OTHER_PUNCTUATION || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.DASH_PUNCTUATION || t == Character.CONNECTOR_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION;
    }

    private static boolean isJapanese(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS;
    }

    private static final String OPENING = "「『【";
    private static final String CLOSING = "」』】";

    /** One corner bracket at either end that cannot be part of a pair removed: a closing one first, an opening one last. */
    static String unmatchedBrackets(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        int open = OPENING.indexOf(first);
        int close = CLOSING.indexOf(last);
        if (CLOSING.indexOf(first) >= 0 || open >= 0 && s.indexOf(CLOSING.charAt(open)) < 0) {
            return s.substring(1);
        }
        if (OPENING.indexOf(last) >= 0 || close >= 0 && s.indexOf(OPENING.charAt(close)) < 0) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80;
    }

    /** Full-width katakana: NFKC (half-width kana to full-width), hiragana shifted to katakana, one space kept. */
    public static String katakana(String raw) {
        String s = stripJunk(Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip());
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    /** True when the text is katakana only (with the long-vowel mark and middle dot). */
    public static boolean isKatakana(String s) {
        return !s.isBlank() && s.chars().allMatch(c -> (c >= 'ァ' && c <= 'ヺ') || c == 'ー' || c == '・' || c == ' ');
    }

    /**
     * Half-width digits: NFKC plus circled digits (①..⑳) as their numbers; dashes of every kind (ー 一 — － ‐ ―)
     * between two digits become '-'.
     */
    public static String digits(String raw) {
        String s = raw == null ? "" : raw;
        StringBuilder circled = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '①' && c <= '⑳') {
                circled.append(c - '①' + 1);
            } else {
                circled.append(c);
            }
        }
        s = Normalizer.normalize(circled.toString(), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDash(c) && i > 0 && i + 1 < s.length() && isDigitNear(s, i - 1, -1) && isDigitNear(s, i + 1, 1)) {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isDigitNear(String s, int i, int step) {
        while (i >= 0 && i < s.length() && s.charAt(i) == ' ') {
            i += step;
        }
        return i >= 0 && i < s.length() && Character.isDigit(s.charAt(i));
    }

    static boolean isDash(char c) {
        return "-ー一—－‐―−–ｰ".indexOf(c) >= 0;
    }
}
