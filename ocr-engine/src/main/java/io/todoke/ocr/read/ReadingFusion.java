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
    static final double DISAGREEMENT_CAP = 0.5;

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
        List<OcrText.Symbol> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int at = 0;
        double min = 1;
        for (int i = 0; i < a.symbols().size(); i++) {
            OcrText.Symbol x = a.symbols().get(i);
            OcrText.Symbol y = b.symbols().get(i);
            OcrText.Symbol pick = y.confidence() > x.confidence() ? y : x;
            // agreement is no reason to be surer than the less sure of the two: the readings are not independent
            double conf = x.text().equals(y.text()) ? Math.min(x.confidence(), y.confidence())
                    : Math.min(pick.confidence(), DISAGREEMENT_CAP);
            // keep a's spacing and line breaks: the layout of the first reading
            int found = a.text().indexOf(x.text(), at);
            if (found < 0) {
                return capped(mean(a) >= mean(b) ? a : b);
            }
            text.append(a.text(), at, found).append(pick.text());
            at = found + x.text().length();
            out.add(new OcrText.Symbol(pick.text(), conf, x.x(), x.y(), x.width(), x.height(), pick.choices()));
            min = Math.min(min, conf);
        }
        text.append(a.text().substring(at));
        return new OcrText(text.toString(), min, out);
    }

    static double mean(OcrText t) {
        return t.symbols().stream().mapToDouble(OcrText.Symbol::confidence).average().orElse(0);
    }

    private static OcrText capped(OcrText t) {
        return new OcrText(t.text(), Math.min(t.confidence(), DISAGREEMENT_CAP), t.symbols());
    }
}
