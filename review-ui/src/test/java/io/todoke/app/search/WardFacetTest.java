package io.todoke.app.search;

import io.todoke.search.CaseIndex;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class WardFacetTest {

    @Test
    void theWardFacetListsTheConfiguredWardsInTheirOrderThenPlacesOutsideByName() {
        Jurisdiction kaku = new Jurisdiction("架空市", List.of("南区", "山手区", "南区東"), List.of());
        // The index answers in its own order (here: by name).
        Map<String, Long> byWard = new TreeMap<>(Map.of("明石市", 1L, "南区東", 2L, "山手区", 3L, "芦屋市", 4L));
        CaseIndex.SearchResult result = new CaseIndex.SearchResult(10, List.of(),
                Map.of("ward", byWard, "sex", Map.of("male", 10L)));

        CaseIndex.SearchResult ordered = WardFacet.inWardOrder(result, kaku);

        assertThat(ordered.facets().get("ward")).containsExactly(Map.entry("山手区", 3L), Map.entry("南区東", 2L),
                Map.entry("明石市", 1L), Map.entry("芦屋市", 4L));
        assertThat(ordered.facets().get("sex")).isEqualTo(Map.of("male", 10L));
        assertThat(ordered.total()).isEqualTo(10);
    }
}
