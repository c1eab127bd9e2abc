package io.todoke.ocr.steps;

import io.todoke.ocr.lexicon.KanaDistance;
import io.todoke.ocr.template.FieldType;

import java.util.Collection;
import java.util.Map;

/**
 * Doubts: furigana accepted on its readings' agreement only where the name beside it, as read, has it for a reading
 * and has no other reading a fax could blur it into. Three readings of a furigana can lose one voicing mark alike
 * (ヤマザキ read ヤマサキ at 0.987 by all three); the name's cell, read apart, rarely has a kanji misread into one that
 * reads so, except where the dictionary lists both (山崎: ヤマザキ and ヤマサキ), which is what is refused here. A kana
 * field that is nobody's furigana is not accepted on agreement at all; a name chosen by its furigana proves nothing.
 */
final class FuriganaAgreementNeedsName implements FormStep {

    @Override
    public String name() {
        return "furigana-agreement-needs-name";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Map<String, Candidate> fields, StepContext ctx) {
        Knowledge knowledge = ctx.knowledge();
        fields.forEach((key, d) -> {
            if (!d.agreed || d.spec().type() != FieldType.KANA) {
                return;
            }
            Candidate name = knowledge.nameOfKana.containsKey(key) ? fields.get(knowledge.nameOfKana.get(key)) : null;
            boolean corroborated = name != null && name.value() instanceof String n && d.value() instanceof String k
                    && !name.doubts.contains(Messages.NAME_BY_KANA)
                    && soleReadingOfItsKind(knowledge.personNames.readings(n), k);
            if (!corroborated) {
                d.doubts.add(Messages.KANA_UNVOUCHED);
                d.agreed = false;
            }
        });
    }

    /**
     * Whether {@code kana} is one of a name's {@code readings} and no other of them differs from it only in kana a fax
     * confuses (a voicing mark, a small kana, シ/ツ, ソ/ン).
     */
    static boolean soleReadingOfItsKind(Collection<String> readings, String kana) {
        String read = kana.replaceAll("\\s+", "");
        boolean listed = false;
        for (String r : readings) {
            String other = r.replaceAll("\\s+", "");
            if (other.equals(read)) {
                listed = true;
            } else if (KanaDistance.confusable(other, read)) {
                return false;
            }
        }
        return listed;
    }
}
