package io.todoke.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The web application's settings under {@code todoke.*}; every default works out of the box.
 *
 * @param formsDir where the form layouts are ({@code <form>/layout.json})
 * @param security first admin and demo users
 * @param review   the review page's settings
 */
@ConfigurationProperties("todoke")
public record TodokeProperties(
        @DefaultValue("config/forms") String formsDir,
        @DefaultValue Security security,
        @DefaultValue Review review) {

    /**
     * @param undoWindow how long a clerk can take back their own 却下 or 帳票ではない (an administrator can later)
     * @param refresh    how often the queue and the backlog page refresh themselves
     */
    public record Review(@DefaultValue("5m") Duration undoWindow, @DefaultValue("30s") Duration refresh) {
    }

    /**
     * @param initialAdmin created when no administrator exists
     * @param demoUsers    create clerk/staff/admin with the demo passwords (demo profile only)
     */
    public record Security(@DefaultValue InitialAdmin initialAdmin, @DefaultValue("false") boolean demoUsers) {
    }

    /** The forms directory (a String in the binding: Spring's Path conversion rejects relative ../ paths). */
    public Path formsPath() {
        return Path.of(formsDir);
    }

    /** @param password empty: a random one is generated and logged once */
    public record InitialAdmin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
    }
}
