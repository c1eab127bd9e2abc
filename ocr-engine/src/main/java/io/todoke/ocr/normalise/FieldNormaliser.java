package io.todoke.ocr.normalise;

import io.todoke.ocr.template.FieldType;

/** Normalises a raw OCR reading by field type, per the forms README. */
public final class FieldNormaliser {

    private FieldNormaliser() {
    }

    public static Normalised normalise(FieldType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return Normalised.ok(null);
        }
        return switch (type) {
            case DATE -> JapaneseDates.normalise(raw);
            case PHONE -> PhoneNumbers.normalise(raw);
            case INTEGER -> integer(raw);
            case KANA -> kana(raw);
            case TEXT -> Normalised.ok(JapaneseText.text(raw));
            case ADDRESS -> Normalised.ok(Addresses.normalise(raw));
            case CHOICE, MULTI_CHOICE -> throw new IllegalArgumentException("marks are not normalised from text");
        };
    }

    /** An integer as written: '45', '４５', '45歳', '㊺' are all 45. */
    public static Normalised integer(String raw) {
        String s = JapaneseText.stripJunk(JapaneseText.digits(raw)).replaceAll("\\s+", "").replaceAll("(歳|才|か月|ヶ月)$", "");
        if (!s.matches("\\d{1,3}")) {
            return Normalised.invalid("数値として読めません");
        }
        return Normalised.ok(Long.parseLong(s));
    }

    public static Normalised kana(String raw) {
        String s = JapaneseText.katakana(raw);
        if (!JapaneseText.isKatakana(s)) {
            return new Normalised(s, "フリガナにカタカナ以外の文字があります");
        }
        return Normalised.ok(s);
    }
}
