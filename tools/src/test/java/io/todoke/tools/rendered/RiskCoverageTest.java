package io.todoke.tools.rendered;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RiskCoverageTest {

    private static String[] field(String status, double confidence, boolean right) {
        return new String[] {"f.pdf", "fine", "print", "k", "text", "x", "x", "x", status, String.valueOf(confidence),
            String.valueOf(right), ""};
    }

    @Test
    void aWrongFieldReadSurelyIsRiskFromItsConfidenceOnAndADoubtedFieldIsNeverCovered() {
        List<String[]> rows = List.of(field("OK", 0.996, true), field("LOW_CONFIDENCE", 0.96, false),
                field("LOW_CONFIDENCE", 0.5, true), field("INVALID", 0.3, false));

        String table = RiskCoverage.table(Map.of("A", rows));

        assertThat(table).contains("| 0.995 | 25.0 % | 0 in 1 (0.00 %) |")
                .contains("| 0.950 | 50.0 % | 1 in 2 (50.00 %) |")
                .contains("| 0.800 | 50.0 % | 1 in 2 (50.00 %) |")
                .contains("| today's decision (`ok`) | 25.0 % | 0 in 1 (0.00 %) |");
    }
}
