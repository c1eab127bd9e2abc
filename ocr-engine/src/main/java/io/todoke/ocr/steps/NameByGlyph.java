package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.WordRepair;

/**
 * Mends: a doubtful person's name one character away from a known name, where that name's character fits the print
 * better. The printed characters are cut once here; a known name whose characters were compared with every known name
 * a character away, none fitting clearly better, may then be accepted on its readings' agreement.
 */
final class NameByGlyph implements FieldStep {

    @Override
    public String name() {
        return "name-by-glyph";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        Knowledge k = ctx.knowledge();
        if (!k.knownNames(c.spec().key()) || !k.names.glyphCheck() || !(c.value() instanceof String)
                || c.confidence >= ctx.thresholds().okFor(c.spec().type()) && c.doubts.isEmpty()) {
            return;
        }
        c.shapes = CharacterCells.shapes(c.readings().zone().lines(), c.raw);
        c.cut = true;
        String mended = c.shapes == null ? c.raw
                : WordRepair.repair(c.raw, c.shapes, WordRepair.names(c.raw, k.personNames), Knowledge.GLYPHS);
        Normalised mn = FieldNormaliser.normalise(c.spec().type(), mended);
        if (!mended.equals(c.raw) && mn.value() instanceof String name && k.personNames.known(name)) {
            c.value = mn;
            c.raw = mended;
            c.doubt(Messages.NAME_BY_GLYPH, ReadingFusion.DISAGREEMENT_CAP);
        }
    }
}
