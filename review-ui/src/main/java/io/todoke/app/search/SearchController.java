package io.todoke.app.search;

import io.todoke.app.forms.FormLayouts;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** The staff search page: one box over the confirmed cases in the index, bounded by the user's ward. */
@Controller
public class SearchController {

    static final int PAGE_SIZE = 20;

    private final ObjectProvider<CaseIndex> index;
    private final Jurisdiction jurisdiction;
    private final FormLayouts forms;

    public SearchController(ObjectProvider<CaseIndex> index, Jurisdiction jurisdiction, FormLayouts forms) {
        this.index = index;
        this.jurisdiction = jurisdiction;
        this.forms = forms;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "") String w, @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String type,
                  @RequestParam(defaultValue = "") String sex, @RequestParam(defaultValue = "") String d,
                  @AuthenticationPrincipal TodokeUser user, Model model) {
        SearchFilters filters = new SearchFilters(q, w, from, to, type, sex, d);
        model.addAttribute("q", filters.q());
        model.addAttribute("ward", user.getWard());
        model.addAttribute("wards", jurisdiction.wards());
        model.addAttribute("w", filters.w());
        model.addAttribute("from", filters.from());
        model.addAttribute("to", filters.to());
        model.addAttribute("type", filters.type());
        model.addAttribute("sex", filters.sex());
        model.addAttribute("d", filters.d());
        model.addAttribute("diseases", forms.diseases());
        model.addAttribute("filters", filters);
        if (filters.isEmpty()) {
            return "search";
        }
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            model.addAttribute("error", "検索は利用できません（検索インデックスが設定されていません）");
            return "search";
        }
        try {
            // Ward-bound staff always search their own ward, whatever the form says.
            CaseIndex.SearchResult result = caseIndex.search(filters.query(user, page, PAGE_SIZE));
            model.addAttribute("result", WardFacet.inWardOrder(result, jurisdiction));
            model.addAttribute("page", page);
        } catch (SearchUnavailableException e) {
            model.addAttribute("error", "検索サーバーに接続できません。しばらくしてからもう一度お試しください");
        }
        return "search";
    }
}
