package io.todoke.ocr.steps;

import io.todoke.ocr.lexicon.KanaDistance;
import io.todoke.ocr.lexicon.PersonNames;
import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.template.FieldType;

import java.util.Map;
import java.util.Set;

/**
 * Mends: a name's furigana read two ways: the reading the dictionary gives for the name as read is the one shown (ツ/ッ,
 * ザ/サ are the recogniser's typical confusions, and the dictionary knows which the name has). Where no reading spelled
 * it, a voicing mark lost or gained (シミス for シミズ) or one kana too many or too few is the recogniser's usual slip,
 * and the one reading of the name that close is what was written.
 */
final class FuriganaByName implements FormStep {

    @Override
    public String name() {
        return "furigana-by-name";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Map<String, Candidate> fields, StepContext ctx) {
        Knowledge knowledge = ctx.knowledge();
        knowledge.names.fields().forEach((nameKey, kanaKey) -> {
            Candidate name = fields.get(nameKey);
            Candidate kana = fields.get(kanaKey);
            if (kanaKey.isEmpty() || name == null || kana == null || !(name.value() instanceof String n)
                    || !(kana.value() instanceof String k)) {
                return;
            }
            Set<String> readings = knowledge.readingsOf(n);
            if (readings.isEmpty() || readings.contains(k.replace(" ", ""))) {
                return;
            }
            for (String alt : kana.alternatives) {
                Normalised an = FieldNormaliser.normalise(FieldType.KANA, alt);
                if (an.valid() && an.value() instanceof String a && readings.contains(a.replace(" ", ""))) {
                    kana.replaceValue(a, alt);
                    return;
                }
            }
            String near = KanaDistance.onlyNear(k, knowledge.personNames.readings(n), 1.0);
            if (near != null && kana.readings() != null && !otherNamesReading(knowledge.personNames, k, near)) {
                kana.doubts.add(Messages.KANA_BY_NAME);
                kana.replaceValue(near, kana.raw);
            }
        });
    }

    /**
     * Whether a furigana part that {@code near} makes a kana longer or shorter is, as read, the reading of another
     * known name of its kind: then the name's characters may be what was misread (結菜 read as 結衣, 由美子 as 由美,
     * the furigana ユイナ, ユミコ read right), and shortening the furigana to fit them would break a right value.
     */
    static boolean otherNamesReading(PersonNames names, String read, String near) {
        String[] r = read.strip().split("\\s+");
        String[] m = near.strip().split("\\s+");
        if (r.length != 2 || m.length != 2) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (r[i].length() != m[i].length() && !names.spelledAs(r[i], i == 0).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
