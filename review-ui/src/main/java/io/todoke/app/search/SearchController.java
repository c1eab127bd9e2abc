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

    static final List<String> WARDS = io.todoke.store.cases.Wards.KOBE_WARDS;

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "") String w, @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String type,
                  @RequestParam(defaultValue = "") String sex,
                  @AuthenticationPrincipal TodokeUser user, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("ward", user.getWard());
        model.addAttribute("wards", WARDS);
        model.addAttribute("w", w);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("type", type);
        model.addAttribute("sex", sex);
        boolean filtered = !(w.isBlank() && from.isBlank() && to.isBlank() && type.isBlank() && sex.isBlank());
        if (q.isBlank() && !filtered) {
            return "search";
        }
        CaseIndex caseIndex = index.getIfAvailable();
        if (caseIndex == null) {
            model.addAttribute("error", "検索は利用できません（検索インデックスが設定されていません）");
            return "search";
        }
        // Ward-bound staff always search their own ward, whatever the form says.
        List<String> wards = !user.cityWide() ? List.of(user.getWard()) : w.isBlank() ? List.of() : List.of(w);
        try {
            CaseIndex.SearchResult result = caseIndex.search(
                    new CaseIndex.CaseQuery(q.strip(), wards, blankToNull(from), blankToNull(to), blankToNull(type),
                            blankToNull(sex), Math.max(0, page), PAGE_SIZE));
            model.addAttribute("result", result);
            model.addAttribute("page", page);
        } catch (SearchUnavailableException e) {
            model.addAttribute("error", "検索サーバーに接続できません。しばらくしてからもう一度お試しください");
        }
        return "search";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
