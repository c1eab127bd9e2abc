package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.GlyphMatcher;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.WordRepair;
import io.todoke.ocr.template.FieldType;

import java.util.List;

/**
 * Mends: a doubtful text goes to a clerk either way: a character no reading got right, mended where a word and the
 * printed shape agree, saves the clerk typing it. Its parts, in order: words of the lexicon and the template's
 * look-alikes, the city's wards, the ward's towns (postal code data), and the field's usual phrases where nothing else
 * changed. A known name is left to the names' own dictionary.
 */
final class WordsByGlyph implements FieldStep {

    static final GlyphMend WORDS = new Part("words-by-glyph", (text, read, shapes, c, ctx) -> WordRepair.repair(text, shapes,
            WordRepair.withLookAlikes(WordRepair.words(text, ctx.knowledge().lexicon), ctx.knowledge().lookAlikes),
            Knowledge.GLYPHS));
    /** A ward is one of the city's: one read as none of them is the one the print looks most like. */
    static final GlyphMend WARD = new Part("ward-by-glyph", (text, read, shapes, c, ctx) -> c.spec().type() != FieldType.ADDRESS
            ? text : io.todoke.ocr.read.PlaceChoice.choose(text, shapes, ctx.knowledge().wards, Knowledge.GLYPHS));
    /** A town is one of the ward's, as the postal code data lists them. */
    static final GlyphMend TOWN = new Part("town-by-glyph", (text, read, shapes, c, ctx) -> c.spec().type() != FieldType.ADDRESS
            ? text : io.todoke.ocr.read.TownChoice.choose(text, shapes, ctx.knowledge().towns, Knowledge.GLYPHS));
    static final GlyphMend VOCABULARY = new Part("vocabulary-by-glyph", (text, read, shapes, c, ctx) -> {
        List<String> usual = ctx.knowledge().vocabularies.getOrDefault(c.spec().key(), List.of());
        return usual.isEmpty() || !text.equals(read) ? text
                : io.todoke.ocr.read.VocabularyChoice.choose(text, shapes, usual, Knowledge.GLYPHS);
    });

    private final List<GlyphMend> parts;

    WordsByGlyph(List<GlyphMend> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return "glyph-mending";
    }

    @Override
    public Kind kind() {
        return Kind.MEND;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        Knowledge k = ctx.knowledge();
        FieldType type = c.spec().type();
        if (parts.isEmpty() || !k.mendByShape || type != FieldType.TEXT && type != FieldType.ADDRESS || !c.value.valid()
                || !(c.value() instanceof String v)
                || c.confidence >= ctx.thresholds().okFor(type) && c.doubts.isEmpty()
                || k.knownNames(c.spec().key()) && k.personNames.known(v)) {
            return;
        }
        List<GlyphMatcher.Shape> shapes = c.cut ? c.shapes : CharacterCells.shapes(c.readings().zone().lines(), c.raw);
        if (shapes == null) {
            return;
        }
        String read = c.raw;
        String mended = read;
        for (GlyphMend part : parts) {
            mended = part.mend(mended, read, shapes, c, ctx);
        }
        if (!mended.equals(read)) {
            c.value = FieldNormaliser.normalise(type, mended);
            c.raw = mended;
            c.doubt(Messages.WORD_BY_GLYPH, ReadingFusion.DISAGREEMENT_CAP);
        }
    }

    /** A named part. */
    record Part(String name, Mend how) implements GlyphMend {
        @Override
        public String mend(String text, String read, List<GlyphMatcher.Shape> shapes, Candidate c, StepContext ctx) {
            return how.mend(text, read, shapes, c, ctx);
        }
    }

    @FunctionalInterface
    interface Mend {
        String mend(String text, String read, List<GlyphMatcher.Shape> shapes, Candidate c, StepContext ctx);
    }
}
