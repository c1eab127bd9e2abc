package io.todoke.ocr.steps;

/** Doubts: a value with a character the template lists as easily misread for its type ({@code review_chars}). */
final class ConfusableCharacters implements FieldStep {

    @Override
    public String name() {
        return "confusable-characters";
    }

    @Override
    public Kind kind() {
        return Kind.DOUBT;
    }

    @Override
    public void apply(Candidate c, StepContext ctx) {
        String confusable = ctx.template().reviewChars().getOrDefault(c.spec().type(), "");
        if (c.value() instanceof String v && v.chars().anyMatch(ch -> confusable.indexOf(ch) >= 0)) {
            c.doubt(Messages.CONFUSABLE, 0.5);
        }
    }
}
