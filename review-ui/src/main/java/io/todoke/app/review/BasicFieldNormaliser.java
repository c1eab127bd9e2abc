package io.todoke.app.review;

import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review page's normaliser for typed values, following the output rules of the forms README.
 * An adapter until the engine's normalisers (io.todoke.ocr.normalise) are available to the app.
 */
@Component
public class BasicFieldNormaliser implements FieldNormaliser {

    private static final Map<String, Integer> ERAS = Map.of(
            "明治", 1867, "大正", 1911, "昭和", 1925, "平成", 1988, "令和", 2018,
            "M", 1867, "T", 1911, "S", 1925, "H", 1988, "R", 2018);
    private static final Pattern WAREKI = Pattern.compile("^(明治|大正|昭和|平成|令和|[MTSHR])\\s*(元|\\d{1,2})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern SEIREKI = Pattern.compile("^(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    @Override
    public Normalised normalise(String type, String text) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return new Normalised(null, List.of());
        }
        return switch (type == null ? "text" : type) {
            case "date" -> date(t);
            case "integer" -> integer(t);
            case "phone" -> phone(t);
            case "kana" -> kana(t);
            default -> new Normalised(t, List.of());
        };
    }

    private static Normalised date(String t) {
        String s = t.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        int y;
        int m;
        int d;
        Matcher w = WAREKI.matcher(s);
        Matcher g = SEIREKI.matcher(s);
        Matcher c = COMPACT.matcher(s);
        if (w.matches()) {
            y = ERAS.get(w.group(1)) + ("元".equals(w.group(2)) ? 1 : Integer.parseInt(w.group(2)));
            m = Integer.parseInt(w.group(3));
            d = Integer.parseInt(w.group(4));
        } else if (g.matches() || c.matches()) {
            Matcher x = g.matches() ? g : c;
            y = Integer.parseInt(x.group(1));
            m = Integer.parseInt(x.group(2));
            d = Integer.parseInt(x.group(3));
        } else {
            return invalid(t, "日付として読めません（例: 昭和45年3月12日、2021/1/8）");
        }
        try {
            return new Normalised(LocalDate.of(y, m, d).toString(), List.of());
        } catch (DateTimeException e) {
            return invalid(t, "存在しない日付です");
        }
    }

    private static Normalised integer(String t) {
        String s = t.replaceAll("[\\s歳才]", "");
        if (!s.matches("\\d{1,9}")) {
            return invalid(t, "数字ではありません");
        }
        return new Normalised(Long.parseLong(s), List.of());
    }

    private static Normalised phone(String t) {
        String s = t.replaceAll("[\\s()ー―−‐]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (!s.matches("[0-9-]+")) {
            return invalid(t, "電話番号に数字以外の文字があります");
        }
        String digits = s.replace("-", "");
        if (digits.length() < 10 || digits.length() > 11 || !digits.startsWith("0")) {
            return invalid(t, "電話番号の桁数が合いません（市外局番から10〜11桁）");
        }
        if (s.contains("-")) {
            return new Normalised(s, List.of());
        }
        String formatted = digits.length() == 11
                ? digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7)
                : digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
        return new Normalised(formatted, List.of());
    }

    private static Normalised kana(String t) {
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        String s = sb.toString();
        if (!s.matches("[\\p{InKatakana}ー\\s　]+")) {
            return invalid(s, "カタカナ以外の文字があります");
        }
        return new Normalised(s, List.of());
    }

    private static Normalised invalid(String text, String message) {
        return new Normalised(null, List.of(message));
    }
}
