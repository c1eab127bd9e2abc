package io.todoke.tools.samples;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateStyleTest {

    @Test
    void writesTheEraOfTheDayWithGannenForAFirstYear() {
        assertThat(DateStyle.WAREKI.write(LocalDate.of(2021, 1, 8))).isEqualTo("令和3年1月8日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(1989, 1, 8))).isEqualTo("平成元年1月8日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(1970, 3, 12))).isEqualTo("昭和45年3月12日");
        assertThat(DateStyle.WAREKI.write(LocalDate.of(1926, 12, 24))).isEqualTo("大正15年12月24日");
    }

    @Test
    void writesFullWidthDigitsAndWesternForms() {
        assertThat(DateStyle.WAREKI_FULL_WIDTH.write(LocalDate.of(2021, 1, 8))).isEqualTo("令和３年１月８日");
        assertThat(DateStyle.SEIREKI.write(LocalDate.of(2021, 1, 8))).isEqualTo("2021年1月8日");
        assertThat(DateStyle.SLASH.write(LocalDate.of(2021, 1, 8))).isEqualTo("2021/1/8");
    }
}
