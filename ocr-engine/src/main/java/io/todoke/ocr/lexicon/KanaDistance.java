package io.todoke.ocr.lexicon;

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
        double[] prev = new double[ys.length() + 1];
        double[] cur = new double[ys.length() + 1];
        for (int j = 0; j <= ys.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= xs.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= ys.length(); j++) {
                double sub = xs.charAt(i - 1) == ys.charAt(j - 1) ? 0
                        : x.charAt(i - 1) == y.charAt(j - 1) ? NEAR_SUBSTITUTION : 1;
                cur[j] = Math.min(prev[j - 1] + sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[ys.length()];
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

    private static final String SMALL = "ァィゥェォッャュョヮぁぃぅぇぉっゃゅょゎ";
    private static final String LARGE = "アイウエオツヤユヨワあいうえおつやゆよわ";
}
