package io.todoke.ocr.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as doctors write them: 和暦 (令和3年1月8日, 元年, full-width digits) and 西暦 (2021年1月8日, 2021/1/8,
 * 2021-01-08). Own era table because java.time's JapaneseDate cannot parse 元年 with a GGGGy pattern.
 */
public final class JapaneseDates {

    /** An era: its name, the western year of its first year, and its first day. */
    public record Era(String name, int firstYear, LocalDate start) {
    }

    public static final List<Era> ERAS = List.of(
            new Era("明治", 1868, LocalDate.of(1868, 1, 25)),
            new Era("大正", 1912, LocalDate.of(1912, 7, 30)),
            new Era("昭和", 1926, LocalDate.of(1926, 12, 25)),
            new Era("平成", 1989, LocalDate.of(1989, 1, 8)),
            new Era("令和", 2019, LocalDate.of(2019, 5, 1)));

    private static final Pattern ERA = Pattern.compile("(明治|大正|昭和|平成|令和|[MTSHR])\\s*(元|\\d{1,2})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*[月.\\-/]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[年/.\\-]\\s*(\\d{1,2})\\s*[月/.\\-]\\s*(\\d{1,2})\\s*日?");

    private JapaneseDates() {
    }

    /** Parses a written date to ISO yyyy-MM-dd. */
    public static Normalised normalise(String raw) {
        String s = JapaneseText.stripJunk(JapaneseText.digits(raw)).replaceAll("\\s+", "");
        if (s.isEmpty()) {
            return Normalised.ok(null);
        }
        Matcher m = ERA.matcher(s);
        if (m.matches()) {
            Era era = era(m.group(1));
            int year = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
            if (year < 1) {
                return Normalised.invalid("元号の年が正しくありません");
            }
            return date(era.firstYear() + year - 1, m.group(3), m.group(4), era);
        }
        m = WESTERN.matcher(s);
        if (m.matches()) {
            return date(Integer.parseInt(m.group(1)), m.group(2), m.group(3), null);
        }
        return Normalised.invalid("日付として読めません");
    }

    private static Era era(String name) {
        String full = switch (name) {
            case "M" -> "明治";
            case "T" -> "大正";
            case "S" -> "昭和";
            case "H" -> "平成";
            case "R" -> "令和";
            default -> name;
        };
        return ERAS.stream().filter(e -> e.name().equals(full)).findFirst().orElseThrow();
    }

    private static Normalised date(int year, String month, String day, Era era) {
        LocalDate d;
        try {
            d = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return Normalised.invalid("存在しない日付です");
        }
        if (era != null) {
            int i = ERAS.indexOf(era);
            LocalDate end = i + 1 < ERAS.size() ? ERAS.get(i + 1).start() : LocalDate.MAX;
            // the last days of an era may be written in the next era's first year, not the other way round
            if (d.isBefore(era.start()) || !d.isBefore(end)) {
                return Normalised.invalid(era.name() + "の期間外の日付です");
            }
        }
        if (year < 1868 || year > 2100) {
            return Normalised.invalid("年が範囲外です");
        }
        return Normalised.ok(d.toString());
    }
}
