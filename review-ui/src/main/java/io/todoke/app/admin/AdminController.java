package io.todoke.app.admin;

import io.todoke.app.security.UserAccounts;
import io.todoke.intake.IntakeProperties;
import io.todoke.intake.ops.FaxRetryService;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.InboxClaims;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Administration: users, and the faxes that could not be read, each with its reason, which an operator can send
 * back for another try once the cause is fixed (e.g. a good copy put in place of a corrupt file).
 */
@Controller
public class AdminController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminController.class);

    /** A file in the error folder with the reason intake wrote beside it. */
    public record ErrorFile(String name, long size, Instant modified, String reason) {
    }

    private static final int FAILED_SHOWN = 500;

    private final UserAccounts accounts;
    private final Path errorDir;
    private final FaxStore faxes;
    private final ObjectProvider<FaxRetryService> retries;
    private final ObjectProvider<InboxClaims> inboxClaims;
    private final ObjectProvider<IntakeProperties> intake;

    public AdminController(UserAccounts accounts, FaxStore faxes, ObjectProvider<FaxRetryService> retries,
                           ObjectProvider<InboxClaims> inboxClaims, ObjectProvider<IntakeProperties> intake) {
        this.accounts = accounts;
        // Without the intake (todoke.intake.enabled=false) the folder is the intake's default.
        IntakeProperties settings = intake.getIfAvailable();
        this.errorDir = settings == null ? Path.of("var/error") : settings.errorDir();
        this.faxes = faxes;
        this.retries = retries;
        this.inboxClaims = inboxClaims;
        this.intake = intake;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("wards", accounts.wards());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") List<String> roles, @RequestParam(defaultValue = "") String ward,
                  RedirectAttributes redirect) {
        try {
            accounts.create(username.strip(), password, displayName.strip(), roles, ward.strip());
            redirect.addFlashAttribute("message", "ユーザー " + username.strip() + " を作成しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/enabled")
    String enable(@RequestParam String username, @RequestParam boolean enabled, Authentication who,
                  RedirectAttributes redirect) {
        try {
            accounts.setEnabled(username, enabled, who.getName());
            redirect.addFlashAttribute("message", username + (enabled ? " を有効にしました" : " を無効にしました"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/errors")
    String errors(Model model) {
        model.addAttribute("dir", errorDir.toAbsolutePath());
        List<FaxDocument> failed = faxes.failed(FAILED_SHOWN);
        model.addAttribute("failed", failed);
        model.addAttribute("files", errorFiles());
        model.addAttribute("retryAvailable", retries.getIfAvailable() != null);
        // Faxes not read a while after they arrived, and inbox entries that could not be taken.
        java.time.Duration after = intake.getIfAvailable() == null ? java.time.Duration.ofMinutes(10)
                : intake.getIfAvailable().stallAfter();
        model.addAttribute("stuckAfterMinutes", after.toMinutes());
        model.addAttribute("stuck", faxes.stuck(Instant.now().minus(after), FAILED_SHOWN));
        InboxClaims claims = inboxClaims.getIfAvailable();
        model.addAttribute("entries", claims == null ? List.of() : claims.troubled(FAILED_SHOWN));
        return "admin-errors";
    }

    @PostMapping("/admin/errors/{faxId}/retry")
    String retry(@PathVariable UUID faxId, Authentication who, RedirectAttributes redirect) {
        FaxRetryService retry = retries.getIfAvailable();
        if (retry == null) {
            redirect.addFlashAttribute("error", "この環境では受付処理が動いていないため、再処理できません");
            return "redirect:/admin/errors";
        }
        try {
            FaxDocument fax = retry.retry(faxId);
            LOG.info("{} sent fax {} back for another try", who.getName(), faxId);
            redirect.addFlashAttribute("message", fax.state() == FaxState.DUPLICATE
                    ? fax.fileName() + " は受信済みのFAXと同じ内容のため、重複として記録しました"
                    : fax.fileName() + " を再処理に回しました");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/errors";
    }

    private List<ErrorFile> errorFiles() {
        if (!Files.isDirectory(errorDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(errorDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".reason.txt"))
                    .sorted()
                    .map(this::errorFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ErrorFile errorFile(Path p) {
        try {
            Path reason = p.resolveSibling(p.getFileName() + ".reason.txt");
            return new ErrorFile(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant(),
                    Files.isRegularFile(reason) ? Files.readString(reason) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
