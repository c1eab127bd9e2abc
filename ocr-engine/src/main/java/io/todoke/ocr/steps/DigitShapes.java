package io.todoke.ocr.steps;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.ZoneText;

import java.util.List;
import java.util.Map;

/**
 * Doubts, before the readings' agreement is asked: every digit of the first reading that the recogniser confuses with
 * another (the settings' confusions: 0 with 6, 9 and 8 …) must fit the printed character at least as well as each of
 * those others, drawn in the print fonts at its size ({@link io.todoke.ocr.read.DigitShapes}). Both models at both
 * scales read a printed 20日 as 26日 alike at 0.96 (IPAGothic, fine mode, seed 21), where the cell fits a drawn 0 at
 * 0.86 and a drawn 6 at 0.75: where the shape says otherwise, or the characters cannot be cut from the line, the
 * readings' agreement is not enough. It needs only the first reading, where agreement may read twice more.
 */
final class DigitShapes implements FieldStep {

    @Override
    public String name() {
        return "digit-shapes";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        if (FieldFormat.constrained(c.spec().type()) && AgreementOfReadings.eligible(c, ctx)
                && !digitsTellApart(c.readings().zone())) {
            c.agreementVetoed = true;
        }
    }

    static boolean digitsTellApart(ZoneText z) {
        Map<String, List<String>> confusions = z.settings().confusions();
        if (confusions.isEmpty()) {
            return true;
        }
        String text = z.reading().text();
        List<Gray> cells = CharacterCells.crops(z.lines(), text);
        String compact = text.replaceAll("\\s+", "");
        if (cells != null && cells.size() != compact.length()) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            String ch = String.valueOf(compact.charAt(i));
            List<String> others = confusions.getOrDefault(ch, List.of());
            if (others.isEmpty() || !Character.isDigit(compact.charAt(i))) {
                continue;
            }
            if (cells == null || !Knowledge.DIGITS.fitsAsRead(cells.get(i), ch, others)) {
                return false;
            }
        }
        return true;
    }
}
