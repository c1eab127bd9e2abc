package io.todoke.tools.rendered;

import java.time.LocalDate;

/** Ways a date is written on the form, each one the forms README says the engine must understand. */
enum WrittenDate {
    /** 令和3年1月8日, 平成元年… */
    WAREKI,
    /** 令和３年１月８日: typed with full-width digits. */
    WAREKI_FULL_WIDTH,
    /** 2021年1月8日. */
    SEIREKI,
    /** 2021年01月08日: zero-padded, as some clinic systems print. */
    SEIREKI_PADDED,
    /** 2021/1/8. */
    SLASH;

    String write(LocalDate d) {
        return switch (this) {
            case WAREKI -> wareki(d);
            case WAREKI_FULL_WIDTH -> fullWidth(wareki(d));
            case SEIREKI -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case SEIREKI_PADDED -> String.format("%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            case SLASH -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
        };
    }

    private static String wareki(LocalDate d) {
        String[] names = {"令和", "平成", "昭和", "大正"};
        LocalDate[] starts = {LocalDate.of(2019, 5, 1), LocalDate.of(1989, 1, 8), LocalDate.of(1926, 12, 25),
            LocalDate.of(1912, 7, 30)};
        for (int i = 0; i < names.length; i++) {
            if (!d.isBefore(starts[i])) {
                int y = d.getYear() - starts[i].getYear() + 1;
                return names[i] + (y == 1 ? "元" : String.valueOf(y)) + "年" + d.getMonthValue() + "月"
                        + d.getDayOfMonth() + "日";
            }
        }
        return "明治" + (d.getYear() - 1867) + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + c - '0') : c);
        }
        return b.toString();
    }
}
