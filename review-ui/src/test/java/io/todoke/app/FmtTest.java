package io.todoke.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {

    private final Fmt fmt = new Fmt();

    @Test
    void aWaitReadsAsAClerkWouldSayIt() {
        assertThat(fmt.duration(null)).isEqualTo("—");
        assertThat(fmt.duration(Duration.ofSeconds(40))).isEqualTo("1分未満");
        assertThat(fmt.duration(Duration.ofMinutes(5))).isEqualTo("5分");
        assertThat(fmt.duration(Duration.ofMinutes(72))).isEqualTo("1時間12分");
        assertThat(fmt.duration(Duration.ofHours(3))).isEqualTo("3時間");
        assertThat(fmt.duration(Duration.ofHours(51).plusMinutes(20))).isEqualTo("2日3時間");
        assertThat(fmt.duration(Duration.ofDays(2))).isEqualTo("2日");
    }
}
