package io.todoke.app.cases;

import io.todoke.app.review.DoubleCheckGuard;
import io.todoke.app.review.ReviewView;
import io.todoke.app.security.TodokeUser;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.review.CaseNotFoundException;
import io.todoke.store.review.FaxOriginals;
import io.todoke.store.review.ReviewService;
import io.todoke.intake.IntakeProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A case as staff and clerks open it: fields, page images, the original fax and its history. Staff bound to a
 * ward see only that ward's cases; every view and download is audited.
 */
@Controller
public class CaseController {

    private final ReviewService reviews;
    private final ReviewView views;
    private final FaxOriginals originals;
    private final Path archiveDir;
    private final HistoryView historyView;
    private final DoubleCheckGuard doubleCheckGuard;
    private final FollowUpService followUps;

    public CaseController(ReviewService reviews, ReviewView views, FaxOriginals originals,
                          ObjectProvider<IntakeProperties> intake, HistoryView historyView,
                          DoubleCheckGuard doubleCheckGuard, FollowUpService followUps) {
        this.doubleCheckGuard = doubleCheckGuard;
        this.followUps = followUps;
        this.historyView = historyView;
        this.reviews = reviews;
        this.views = views;
        this.originals = originals;
        // Without the intake (todoke.intake.enabled=false) the folder is the intake's default.
        IntakeProperties settings = intake.getIfAvailable();
        this.archiveDir = settings == null ? Path.of("var/archive") : settings.archiveDir();
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, Model model) {
        NotificationCase c = allowed(id, user);
        doubleCheckGuard.refuseIfBlind(id, user);
        reviews.view(id, user.getUsername());
        model.addAttribute("view", views.build(c, null, null));
        model.addAttribute("history", historyView.rows(c, reviews.history(id)));
        model.addAttribute("mayCorrect", user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CLERK")));
        return "case";
    }

    @GetMapping("/cases/{id}/history")
    String history(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user, Model model) {
        NotificationCase c = allowed(id, user);
        doubleCheckGuard.refuseIfBlind(id, user);
        reviews.record(id, user.getUsername(), "VIEW", "history");
        model.addAttribute("c", c);
        model.addAttribute("history", historyView.rows(c, reviews.history(id)));
        return "history";
    }

    @GetMapping("/cases/{id}/pages/{page}.png")
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int page, @AuthenticationPrincipal TodokeUser user) {
        NotificationCase c = allowed(id, user);
        return originals.page(c.faxId(), page)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        // Personal health data: never kept in the browser's cache.
                        .cacheControl(CacheControl.noStore())
                        .body(p.png()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/cases/{id}/original")
    ResponseEntity<Resource> original(@PathVariable UUID id, @AuthenticationPrincipal TodokeUser user) {
        NotificationCase c = allowed(id, user);
        FaxOriginals.OriginalFile file = originals.original(c.faxId()).orElseThrow(() -> new CaseNotFoundException(id));
        if (file.archivePath() == null) {
            return ResponseEntity.notFound().build();
        }
        Path root = archiveDir.toAbsolutePath().normalize();
        Path path = root.resolve(file.archivePath()).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path)) {
            return ResponseEntity.notFound().build();
        }
        reviews.record(id, user.getUsername(), "DOWNLOAD", file.archivePath());
        return ResponseEntity.ok()
                .contentType(file.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.mediaType()))
                // Always a download, never rendered in the browser: the original may carry active content.
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(path));
    }

    private NotificationCase allowed(UUID id, TodokeUser user) {
        NotificationCase c = reviews.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        boolean clerk = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CLERK"));
        // A case transferred to another ward's follow-up is that ward's to read too.
        if (!clerk && !user.maySee(c.ward())
                && followUps.holding(id).map(f -> !user.maySee(f.ward())).orElse(true)) {
            throw new AccessDeniedException("case " + id + " belongs to another ward");
        }
        return c;
    }
}
