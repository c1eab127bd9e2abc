package io.todoke.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where faxes arrive and how they are taken in ({@code todoke.intake.*}). The defaults run out of the box:
 * one inbox {@code fax} at {@code var/inbox}, archive and error folders under {@code var/}.
 *
 * @param inboxes       the watched folders, each named for the fax line or ward it serves
 * @param archiveDir    where originals are kept unchanged, in yyyy/MM/dd folders; never cleaned by the system
 * @param errorDir      where files that cannot be read are put, each beside a {@code .reason.txt}
 * @param workDir       scratch space (partial copies before an atomic rename)
 * @param autoConfirm   forms with every field ok and every rule satisfied skip review; false sends all to review
 * @param workers       OCR threads; 0 means one per core
 * @param queueCapacity faxes waiting for a worker before the pickup waits (back-pressure)
 * @param readTimeout   per-fax time limit for the engine; a fax that takes longer fails with a reason
 * @param stability     when a file in an inbox counts as completely written
 * @param pollDelay     how often inboxes are listed
 * @param outbox        how the search index outbox is drained
 * @param resumeOnStartup take over waiting faxes no live instance holds (left by a crash or a dead instance),
 *                        at start and every {@code claims.scan-interval}
 * @param maxFileSize   larger inbox files are rejected before they are read
 * @param claims        how instances claim work in the shared database
 * @param stallAfter    intake health is DOWN when work waits and nothing moved for this long
 */
@ConfigurationProperties("todoke.intake")
public record IntakeProperties(
        @DefaultValue List<Inbox> inboxes,
        @DefaultValue("var/archive") Path archiveDir,
        @DefaultValue("var/error") Path errorDir,
        @DefaultValue("var/work") Path workDir,
        @DefaultValue("true") boolean autoConfirm,
        @DefaultValue("0") int workers,
        @DefaultValue("100") int queueCapacity,
        @DefaultValue("120s") Duration readTimeout,
        @DefaultValue Stability stability,
        @DefaultValue("500ms") Duration pollDelay,
        @DefaultValue Outbox outbox,
        @DefaultValue("true") boolean resumeOnStartup,
        @DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue Claims claims,
        @DefaultValue("10m") Duration stallAfter) {

    public IntakeProperties {
        inboxes = inboxes == null || inboxes.isEmpty() ? List.of(new Inbox("fax", Path.of("var/inbox"))) : List.copyOf(inboxes);
        if (inboxes.stream().map(Inbox::name).distinct().count() != inboxes.size()) {
            throw new IllegalArgumentException("todoke.intake.inboxes: inbox names must be unique");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("todoke.intake.queue-capacity must be at least 1");
        }
    }

    /** OCR threads actually used. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * A watched folder.
     *
     * @param name the inbox's name as shown in the UI and stored with each fax
     * @param path the folder
     */
    public record Inbox(String name, Path path) {
        public Inbox {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,100}")) {
                throw new IllegalArgumentException("inbox name must be 1-100 letters, digits, '-' or '_': " + name);
            }
            if (path == null) {
                throw new IllegalArgumentException("inbox " + name + " has no path");
            }
        }
    }

    /**
     * When a file is taken: its size and modification time have not changed for {@code minAge} (looked at every
     * poll), or, when {@code doneMarker} is set, only once the gateway has written the marker beside it (e.g.
     * {@code .done} for {@code fax.pdf.done}); the marker is removed with the file. Entries whose names match
     * {@code ignore} are still being written by the gateway under a temporary name and are left alone; every
     * other entry, dot-files included, is taken.
     */
    public record Stability(
            @DefaultValue("10s") Duration minAge,
            String doneMarker,
            @DefaultValue("(?i).*\\.(part|partial|tmp|filepart|crdownload)$") String ignore) {
    }

    /**
     * @param lease          how long a claim holds without renewal; an instance renews its claims every third of
     *                       it, so a dead instance's work is taken over within about one lease
     * @param scanInterval   how often expired claims and unclaimed waiting faxes are looked for
     * @param pickupAttempts tries at taking an inbox entry before it is recorded as failed and left alone
     * @param instanceId     this instance's name in claims; empty: host name, process id and a random suffix
     */
    public record Claims(
            @DefaultValue("60s") Duration lease,
            @DefaultValue("5s") Duration scanInterval,
            @DefaultValue("5") int pickupAttempts,
            @DefaultValue("") String instanceId) {
    }

    /**
     * @param interval     how often due entries are written to the index
     * @param batch        entries per pass
     * @param firstBackOff delay after a first failure, doubled after each further one
     * @param maxBackOff   the longest delay between tries
     */
    public record Outbox(
            @DefaultValue("2s") Duration interval,
            @DefaultValue("200") int batch,
            @DefaultValue("1s") Duration firstBackOff,
            @DefaultValue("5m") Duration maxBackOff) {
    }
}
