package io.todoke.ocr.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "令和3年1月8日, 2021-01-08",
            "令和元年5月1日, 2019-05-01",
            "令和元年12月31日, 2019-12-31",
            "平成31年4月30日, 2019-04-30",
            "平成元年1月8日, 1989-01-08",
            "昭和45年3月12日, 1970-03-12",
            "昭和64年1月7日, 1989-01-07",
            "大正15年12月24日, 1926-12-24",
            "明治45年7月29日, 1912-07-29",
            "令和３年１月８日, 2021-01-08",
            "令和 3 年 1 月 8 日, 2021-01-08",
            "R3.1.8, 2021-01-08",
            "H31/4/30, 2019-04-30",
            "2021年1月8日, 2021-01-08",
            "2021/1/8, 2021-01-08",
            "2021-01-08, 2021-01-08",
            "２０２１年１月８日, 2021-01-08",
            "2021ー1ー8, 2021-01-08",
    })
    void readsWrittenDates(String raw, String iso) {
        Normalised n = JapaneseDates.normalise(raw);
        assertThat(n.problem()).isNull();
        assertThat(n.value()).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource({
            "令和元年4月30日",   // before 令和 began
            "平成32年1月1日",    // 平成 ended in its 31st year
            "令和3年2月30日",
            "令和3年13月1日",
            "令和0年1月1日",
            "3年1月8日",
            "令和三年一月八日",
            "2021/1",
            "1850/1/1",
    })
    void rejectsImpossibleOrUnreadableDates(String raw) {
        Normalised n = JapaneseDates.normalise(raw);
        assertThat(n.valid()).isFalse();
        assertThat(n.value()).isNull();
        assertThat(n.problem()).isNotBlank();
    }
}
