package io.todoke.ocr.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines two readings of the same writing at different scales. The jpn model's mistakes at fax resolution depend
 * on the scale (須磨浦 read 須育 at one, 須磨靖 at another): where the two agree character by character, the stronger
 * reading of each character is kept; where they differ, that character's confidence is capped so the field is
 * never accepted unreviewed. Fusion chooses what a clerk sees first; it never makes a field surer than its first
 * reading was. Pure.
 */
public final class ReadingFusion {

    /** A character the two readings disagree on counts with at most this confidence. */
    public static final double DISAGREEMENT_CAP = 0.5;

    private ReadingFusion() {
    }

    /**
     * Character by character when both readings have the same characters count (spaces aside), taking each character
     * from the reading more confident of it; otherwise the reading with the higher mean character confidence, capped
     * as a disagreement.
     */
    public static OcrText fuse(OcrText a, OcrText b) {
        if (b.symbols().isEmpty()) {
            return a;
        }
        if (a.symbols().isEmpty()) {
            return capped(b);
        }
        if (a.symbols().size() != b.symbols().size()) {
            return capped(mean(a) >= mean(b) ? a : b);
        }
        int[] offsets = a.offsets();
        if (offsets == null) {
            return capped(mean(a) >= mean(b) ? a : b);
        }
        List<OcrText.Symbol> out = new ArrayList<>();
        String[] picks = new String[offsets.length];
        double min = 1;
        for (int i = 0; i < offsets.length; i++) {
            OcrText.Symbol x = a.symbols().get(i);
            OcrText.Symbol y = b.symbols().get(i);
            OcrText.Symbol pick = y.confidence() > x.confidence() ? y : x;
            // agreement is no reason to be surer than the less sure of the two: the readings are not independent
            double conf = x.text().equals(y.text()) ? Math.min(x.confidence(), y.confidence())
                    : Math.min(pick.confidence(), DISAGREEMENT_CAP);
            picks[i] = pick.text();
            out.add(new OcrText.Symbol(pick.text(), conf, x.x(), x.y(), x.width(), x.height(), pick.choices()));
            min = Math.min(min, conf);
        }
        // in a's spacing and line breaks: the layout of the first reading
        return new OcrText(a.replaced(offsets, picks), min, out);
    }

    /** At most this many characters may differ for every mix of the two readings to be listed. */
    static final int MAX_MIXED = 6;

    /**
     * The texts the two readings allow, likeliest first: with as many characters as each other, every mix of their
     * differing characters (in the first reading's layout); otherwise the two texts as they are.
     */
    public static List<String> candidates(OcrText a, OcrText b) {
        List<Integer> differ = new ArrayList<>();
        int n = a.symbols().size();
        if (n == b.symbols().size()) {
            for (int i = 0; i < n; i++) {
                if (!a.symbols().get(i).text().equals(b.symbols().get(i).text())) {
                    differ.add(i);
                }
            }
        }
        int[] offsets = n == b.symbols().size() && differ.size() <= MAX_MIXED ? a.offsets() : null;
        if (offsets == null) {
            List<String> two = new ArrayList<>(List.of(a.text()));
            if (!b.text().equals(a.text())) {
                two.add(mean(b) > mean(a) ? 0 : 1, b.text());
            }
            return two;
        }
        List<double[]> scored = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int mask = 0; mask < 1 << differ.size(); mask++) {
            String[] picks = new String[n];
            double score = 0;
            for (int k = 0; k < differ.size(); k++) {
                int i = differ.get(k);
                OcrText.Symbol pick = (mask & (1 << k)) != 0 ? b.symbols().get(i) : a.symbols().get(i);
                picks[i] = pick.text();
                score += pick.confidence();
            }
            texts.add(a.replaced(offsets, picks));
            scored.add(new double[] {score, texts.size() - 1});
        }
        scored.sort((p, q) -> Double.compare(q[0], p[0]));
        List<String> out = new ArrayList<>();
        scored.forEach(p -> out.add(texts.get((int) p[1])));
        return out;
    }

    static double mean(OcrText t) {
        return t.symbols().stream().mapToDouble(OcrText.Symbol::confidence).average().orElse(0);
    }

    private static OcrText capped(OcrText t) {
        return new OcrText(t.text(), Math.min(t.confidence(), DISAGREEMENT_CAP), t.symbols());
    }
}
