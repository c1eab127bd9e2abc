package io.todoke.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void startsWithAUtf8ByteOrderMarkAndEndsLinesWithCrLf() {
        byte[] csv = CsvExport.write(new ExportTable("t", List.of("区", "人数"), List.of(List.of("西区", 3L))));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("区,人数\r\n西区,3\r\n");
    }

    @Test
    void aValueWithCommaQuoteAndNewlineRoundTrips() {
        String awkward = "神戸市西区, \"玉津\"町\n1-2\r\n3";
        byte[] csv = CsvExport.write(new ExportTable("t", List.of("住所", "備考"),
                List.of(List.of(awkward, ""), Arrays.asList(null, "plain"))));
        assertThat(CsvExport.read(csv)).containsExactly(List.of("住所", "備考"), List.of(awkward, ""),
                List.of("", "plain"));
    }

    @Test
    void onlyFieldsThatNeedItAreQuotedAndQuotesAreDoubled() {
        assertThat(CsvExport.field("abc")).isEqualTo("abc");
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new ExportTable("t", List.of("a", "b"), List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
