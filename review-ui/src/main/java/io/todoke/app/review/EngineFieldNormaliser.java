package io.todoke.app.review;

import io.todoke.ocr.template.FieldType;
import org.springframework.stereotype.Component;

import java.util.List;

/** What a clerk types is normalised by the engine's own rules, so typed and read values look alike. */
@Component
public class EngineFieldNormaliser implements FieldNormaliser {

    @Override
    public Normalised normalise(String type, String text) {
        FieldType fieldType;
        try {
            fieldType = FieldType.of(type == null ? "text" : type);
        } catch (IllegalArgumentException e) {
            return new Normalised(null, List.of("不明な項目の種類です: " + type));
        }
        if (fieldType.isMark()) {
            return new Normalised(null, List.of("チェック項目は文字で入力できません"));
        }
        io.todoke.ocr.normalise.Normalised n = io.todoke.ocr.normalise.FieldNormaliser.normalise(fieldType, text);
        return new Normalised(n.valid() ? n.value() : null, n.valid() ? List.of() : List.of(n.problem()));
    }
}
