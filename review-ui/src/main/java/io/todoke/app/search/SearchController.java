package io.todoke.app.search;

import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.search.SearchUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The staff search page: one box over the confirmed cases in the index, bounded by the user's ward. */
@Controller
public class SearchController {

    static final int PAGE_SIZE = 20;

    private final ObjectProvider<CaseIndex> index;

    public SearchController(ObjectProvider<CaseIndex> index) {
        this.index = index;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  @AuthenticationPrincipal TodokeUser user, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("ward", user.getWard());
        if (q.isBlank()) {
            return "search";
        }
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            model.addAttribute("error", "検索は利用できません（検索インデックスが設定されていません）");
            return "search";
        }
        List<String> wards = user.cityWide() ? List.of() : List.of(user.getWard());
        try {
            CaseIndex.SearchResult result = caseIndex.search(
                    new CaseIndex.CaseQuery(q.strip(), wards, null, null, null, null, Math.max(0, page), PAGE_SIZE));
            model.addAttribute("result", result);
            model.addAttribute("page", page);
        } catch (SearchUnavailableException e) {
            model.addAttribute("error", "検索サーバーに接続できません。しばらくしてからもう一度お試しください");
        }
        return "search";
    }
}
