package io.todoke.ocr.steps;

import java.util.Map;

/**
 * Doubts: a name accepted on its readings' agreement keeps that only where its furigana, as read in its own cell
 * before anything is mended to fit, is one of the name's readings or was not written: a kanji misread for a look-alike
 * in every reading (太田 as 玉田) is a known name all the same, but not one that reads オオタ.
 */
final class NameAgreementNeedsFurigana implements FormStep {

    @Override
    public String name() {
        return "name-agreement-needs-furigana";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Map<String, Candidate> fields, StepContext ctx) {
        ctx.knowledge().names.fields().forEach((nameKey, kanaKey) -> {
            Candidate name = fields.get(nameKey);
            Candidate kana = kanaKey.isEmpty() ? null : fields.get(kanaKey);
            if (name == null || !name.agreed || kana == null || FieldFormat.isEmpty(kana.value())) {
                return;
            }
            if (!(kana.value() instanceof String k)
                    || !ctx.knowledge().readingsOf((String) name.value()).contains(k.replaceAll("\\s+", ""))) {
                name.doubts.add(Messages.NAME_UNVOUCHED);
                name.agreed = false;
            }
        });
    }
}
