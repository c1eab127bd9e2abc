package io.todoke.app.ops;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's operations page: rebuilding the search index of the running system. */
@Controller
public class OperationsController {

    private final ReindexJob reindex;

    public OperationsController(ReindexJob reindex) {
        this.reindex = reindex;
    }

    @GetMapping("/admin/operations")
    String page(Model model) {
        model.addAttribute("reindexAvailable", reindex.available());
        model.addAttribute("reindex", reindex.state());
        return "admin-operations";
    }

    @PostMapping("/admin/operations/reindex")
    String reindex(Authentication who, RedirectAttributes redirect) {
        if (!reindex.available()) {
            redirect.addFlashAttribute("error", "検索サーバーが設定されていないため、再構築できません");
        } else if (reindex.start(who.getName())) {
            redirect.addFlashAttribute("message", "検索索引の再構築を始めました。終わるまで検索は今の索引で答えます");
        } else {
            redirect.addFlashAttribute("error", "検索索引の再構築はすでに実行中です");
        }
        return "redirect:/admin/operations";
    }
}
