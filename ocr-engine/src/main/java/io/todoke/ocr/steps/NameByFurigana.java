package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.NameByReading;
import io.todoke.ocr.read.ReadingFusion;

import java.util.Map;

/**
 * Mends: a doubtful name whose furigana, read in its own cell, spells another known name of the same length a
 * character or two away, where the print fits that name's characters: the name the furigana spells is shown, for a
 * clerk to confirm. The two cells are read apart, so a kanji misread for its look-alike (土田 for 上田) rarely has its
 * reading misread to match.
 */
final class NameByFurigana implements FormStep {

    @Override
    public String name() {
        return "name-by-furigana";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Map<String, Candidate> fields, StepContext ctx) {
        Knowledge k = ctx.knowledge();
        k.names.fields().forEach((nameKey, kanaKey) -> {
            Candidate name = fields.get(nameKey);
            Candidate kana = fields.get(kanaKey);
            if (kanaKey.isEmpty() || name == null || kana == null || name.readings() == null || !k.names.glyphCheck()
                    || !(name.value() instanceof String) || !(kana.value() instanceof String furigana)
                    || ctx.reachesOk(name.confidence, name.spec().type()) && name.doubts.isEmpty()
                    && name.problems.isEmpty()) {
                return;
            }
            String mended = NameByReading.choose(name.raw, CharacterCells.shapes(name.readings().zone().lines(), name.raw),
                    furigana, k.personNames, Knowledge.GLYPHS);
            Normalised n = FieldNormaliser.normalise(name.spec().type(), mended);
            if (!mended.equals(name.raw) && n.valid() && n.value() instanceof String v && k.personNames.known(v)) {
                name.doubts.add(Messages.NAME_BY_KANA);
                name.replaceValue(v, mended);
                name.confidence = Math.min(name.confidence, ReadingFusion.DISAGREEMENT_CAP);
            }
        });
    }
}
