package io.todoke.ocr.proposal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/** Printed labels compared as a person would: numbering, spaces, brackets' marks and width ignored. */
public final class Labels {

    private Labels() {
    }

    /** NFKC, no white space, no leading item number ("14 診断年月日" → "診断年月日"), no footnote marks. */
    public static String normal(String label) {
        String s = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        s = s.replaceFirst("^[0-9]{1,2}[.)]?(?=\\D)", "");
        return s.replaceAll("[(\\[]?[*※＊][)\\]]?", "").replace("()", "");
    }

    /**
     * Similarity in [0, 1] of two normalised labels: the larger of the character-bigram Dice coefficient and one
     * minus the edit distance over the longer length (a misread character costs a short label little either way).
     */
    public static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        double edit = 1 - distance(a, b) / (double) Math.max(a.length(), b.length());
        return Math.max(edit, dice(a, b));
    }

    private static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            grams.merge(a.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            Integer c = grams.get(b.substring(i, i + 2));
            if (c != null && c > 0) {
                common++;
                grams.put(b.substring(i, i + 2), c - 1);
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
