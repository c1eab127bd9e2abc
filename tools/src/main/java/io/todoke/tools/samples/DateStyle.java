package io.todoke.tools.samples;

import java.time.LocalDate;

/** How a doctor writes a date on the form: in the Japanese era calendar (和暦) or the Western one (西暦). */
public enum DateStyle {
    /** 令和3年1月8日; the first year of an era as 元年. */
    WAREKI,
    /** 令和３年１月８日, full-width digits as many word processors type them. */
    WAREKI_FULL_WIDTH,
    /** 2021年1月8日. */
    SEIREKI,
    /** 2021/1/8. */
    SLASH;

    private record Era(String name, LocalDate start) {
    }

    // Newest first; a date belongs to the first era that started on or before it.
    private static final Era[] ERAS = {
        new Era("令和", LocalDate.of(2019, 5, 1)),
        new Era("平成", LocalDate.of(1989, 1, 8)),
        new Era("昭和", LocalDate.of(1926, 12, 25)),
        new Era("大正", LocalDate.of(1912, 7, 30)),
        new Era("明治", LocalDate.of(1868, 1, 25)),
    };

    public String write(LocalDate date) {
        return switch (this) {
            case WAREKI -> wareki(date);
            case WAREKI_FULL_WIDTH -> toFullWidthDigits(wareki(date));
            case SEIREKI -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            case SLASH -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
        };
    }

    static String wareki(LocalDate date) {
        for (Era era : ERAS) {
            if (!date.isBefore(era.start())) {
                int year = date.getYear() - era.start().getYear() + 1;
                return era.name() + (year == 1 ? "元" : String.valueOf(year)) + "年"
                        + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            }
        }
        throw new IllegalArgumentException("before the Meiji era: " + date);
    }

    static String toFullWidthDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '-' ? '－' : c);
        }
        return b.toString();
    }
}
