package io.todoke.ocr.normalise;

/** Edit distance where a substitution may cost less than an insertion or a deletion (which cost 1). Pure. */
public final class EditDistance {

    /** What putting the second text's {@code j}-th character in place of the first's {@code i}-th costs: 0 to 1. */
    @FunctionalInterface
    public interface Substitution {
        double cost(int i, int j);
    }

    private EditDistance() {
    }

    /** The least total cost of turning a text of {@code aLength} characters into one of {@code bLength}. */
    public static double between(int aLength, int bLength, Substitution substitution) {
        double[] prev = new double[bLength + 1];
        double[] cur = new double[bLength + 1];
        for (int j = 0; j <= bLength; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= aLength; i++) {
            cur[0] = i;
            for (int j = 1; j <= bLength; j++) {
                double sub = prev[j - 1] + substitution.cost(i - 1, j - 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLength];
    }

    /** Levenshtein distance: every character changed, added or dropped counts one. */
    public static int levenshtein(String a, String b) {
        return (int) between(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j) ? 0 : 1);
    }
}
