package io.todoke.ocr.lexicon;

import io.todoke.ocr.normalise.EditDistance;

import java.text.Normalizer;
import java.util.Collection;

/**
 * How far apart two kana spellings are as a recogniser misreads them: a voicing mark lost or gained (シ/ジ, ハ/パ) or a
 * small kana for its large one (ツ/ッ) counts half an edit, any other substitution, insertion or deletion one.
 * White space is ignored.
 */
public final class KanaDistance {

    static final double NEAR_SUBSTITUTION = 0.5;

    private KanaDistance() {
    }

    /** The weighted edit distance between {@code a} and {@code b}. */
    public static double between(String a, String b) {
        String x = base(a);
        String y = base(b);
        String xs = plain(a);
        String ys = plain(b);
        return EditDistance.between(xs.length(), ys.length(), (i, j) -> xs.charAt(i) == ys.charAt(j) ? 0
                : x.charAt(i) == y.charAt(j) ? NEAR_SUBSTITUTION : 1);
    }

    /**
     * The one candidate within {@code max} of {@code read} that is nearer than every other candidate (white space as
     * the candidate has it); null when there is none, or two are equally near, or {@code read} is one of them.
     */
    public static String onlyNear(String read, Collection<String> candidates, double max) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        boolean tie = false;
        for (String c : candidates) {
            double d = between(read, c);
            if (d == 0) {
                return null;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
                tie = false;
            } else if (d == bestDistance && !plain(c).equals(plain(best))) {
                tie = true;
            }
        }
        return best != null && !tie && bestDistance <= max ? best : null;
    }

    /**
     * Whether two kana texts of one length differ only where a fax blurs one kana into another: a voicing mark, a
     * kana's small form, シ/ツ, ソ/ン (false for equal texts).
     */
    public static boolean confusable(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        if (x.length() != y.length() || x.equals(y)) {
            return false;
        }
        String bx = base(a);
        String by = base(b);
        for (int i = 0; i < x.length(); i++) {
            char c = bx.charAt(i);
            char d = by.charAt(i);
            if (c != d && !(LOOK_ALIKE.contains(c + "" + d))) {
                return false;
            }
        }
        return true;
    }

    private static String plain(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Each kana without its voicing mark and at its full size, position for position with {@link #plain}. */
    private static String base(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : plain(s).toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char ch = d.charAt(0);
            int small = SMALL.indexOf(ch);
            b.append(small >= 0 ? LARGE.charAt(small) : ch);
        }
        return b.toString();
    }

    /** Pairs of kana that differ in the angle of one or two strokes, which a fax's resolution blurs. */
    private static final java.util.Set<String> LOOK_ALIKE = java.util.Set.of("シツ", "ツシ", "ソン", "ンソ", "しつ", "つし");

    private static final String SMALL = "ァィゥェォッャュョヮぁぃぅぇぉっゃゅょゎ";
    private static final String LARGE = "アイウエオツヤユヨワあいうえおつやゆよわ";
}
