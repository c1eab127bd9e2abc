package io.todoke.app.search;

import io.todoke.search.CaseIndex;
import io.todoke.store.jurisdiction.Jurisdiction;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ward facet of a search, as the page and the API list it: the jurisdiction's order, places outside after. */
public final class WardFacet {

    private WardFacet() {
    }

    public static CaseIndex.SearchResult inWardOrder(CaseIndex.SearchResult result, Jurisdiction jurisdiction) {
        if (result.facets() == null || !result.facets().containsKey("ward")) {
            return result;
        }
        Map<String, Long> byWard = result.facets().get("ward");
        Map<String, Long> ordered = new LinkedHashMap<>();
        byWard.keySet().stream().sorted(jurisdiction.wardOrder()).forEach(w -> ordered.put(w, byWard.get(w)));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>(result.facets());
        facets.put("ward", ordered);
        return new CaseIndex.SearchResult(result.total(), result.hits(), facets);
    }
}
