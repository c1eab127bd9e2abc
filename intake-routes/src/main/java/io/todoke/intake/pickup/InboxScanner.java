package io.todoke.intake.pickup;

import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.IntakeInstance;
import io.todoke.intake.IntakeProperties;
import io.todoke.intake.storage.ArchiveFullException;
import io.todoke.store.fax.InboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Lists an inbox and takes what is ready, so that no entry can stall it. Only regular files are opened (kinds
 * are read without following links, before anything is opened); any other entry is recorded as rejected and
 * moved aside, or, where it cannot be moved, recorded once and left alone. A file is ready once its size and
 * modification time have not changed for the stability window (or its done-marker exists). Taking it is a claim
 * in the shared database followed by an atomic rename into the inbox's claimed folder under the claim's id, so
 * across instances exactly one takes it, and the received name is never used as a path again. A failure counts
 * on the claim and is logged once; after the configured tries the entry is recorded as failed and left alone.
 */
public class InboxScanner {

    /** Inside each inbox: files being taken, named by their claim (same file system, so renames are atomic). */
    public static final String CLAIMED_DIR = ".todoke-claimed";
    /** A full archive is looked at again at most 2^3 scan intervals apart (40 s by default). */
    static final int FULL_BACK_OFF_STEPS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(InboxScanner.class);

    private final IntakeProperties properties;
    private final InboxClaims claims;
    private final FaxPickup pickup;
    private final Consumer<UUID> toRead;
    private final IntakeInstance instance;
    private final IntakeMetrics metrics;
    private final InstantSource clock;
    private final Pattern ignore;
    private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPoll = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** Tries that found the archive full since it last had room (for one log line per outage). */
    private final AtomicInteger archiveFull = new AtomicInteger();

    private record Seen(long size, long modified, Object fileKey, Instant since) {
    }

    public InboxScanner(IntakeProperties properties, InboxClaims claims, FaxPickup pickup, Consumer<UUID> toRead,
                        IntakeInstance instance, IntakeMetrics metrics, InstantSource clock) {
        this.properties = properties;
        this.claims = claims;
        this.pickup = pickup;
        this.toRead = toRead;
        this.instance = instance;
        this.metrics = metrics;
        this.clock = clock;
        String pattern = properties.stability().ignore();
        this.ignore = Pattern.compile(pattern == null || pattern.isBlank() ? "(?!)" : pattern);
    }

    /** When each inbox was last listed completely (for the health indicator). */
    public Map<String, Instant> lastPolls() {
        return Map.copyOf(lastPoll);
    }

    /** Lists the inbox once and takes every entry that is ready; never blocks on an entry. */
    public void poll(IntakeProperties.Inbox inbox) {
        Path dir = inbox.path().toAbsolutePath();
        Map<String, Seen> known = seen.computeIfAbsent(inbox.name(), k -> new HashMap<>());
        Set<String> present = new HashSet<>();
        String marker = properties.stability().doneMarker();
        boolean markers = marker != null && !marker.isBlank();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(CLAIMED_DIR) || ignore.matcher(name).matches()
                        || (markers && name.endsWith(marker))) {
                    continue;
                }
                present.add(name);
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    nonRegular(inbox, entry, name, a);
                } else if (markers ? Files.isRegularFile(dir.resolve(name + marker), LinkOption.NOFOLLOW_LINKS)
                        : stable(known, name, a)) {
                    take(inbox, entry, name, a);
                    if (markers) {
                        deleteMarker(dir.resolve(name + marker));
                    }
                }
            }
            known.keySet().retainAll(present);
            lastPoll.put(inbox.name(), clock.instant());
        } catch (IOException | RuntimeException e) {
            // The folder or the database is away: one line when it starts and a count when it is back.
            metrics.error("inbox");
            int n = failures.merge(inbox.name(), 1, Integer::sum);
            if (n == 1) {
                LOG.warn("inbox {} could not be polled ({}); trying again every poll", inbox.name(),
                        e.getClass().getSimpleName());
            }
            return;
        }
        Integer before = failures.remove(inbox.name());
        if (before != null) {
            LOG.info("inbox {} polled again after {} failed polls", inbox.name(), before);
        }
    }

    private static void deleteMarker(Path marker) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("a done-marker could not be removed: {}", e.getClass().getSimpleName());
        }
    }

    private boolean stable(Map<String, Seen> known, String name, BasicFileAttributes a) {
        Instant now = clock.instant();
        Seen before = known.get(name);
        long modified = a.lastModifiedTime().toMillis();
        if (before == null || before.size() != a.size() || before.modified() != modified
                || !java.util.Objects.equals(before.fileKey(), a.fileKey())) {
            known.put(name, new Seen(a.size(), modified, a.fileKey(), now));
            return properties.stability().minAge().isZero();
        }
        return !now.isBefore(before.since().plus(properties.stability().minAge()));
    }

    private void take(IntakeProperties.Inbox inbox, Path entry, String name, BasicFileAttributes a) {
        Optional<InboxClaims.Claim> claim = claims.claim(inbox.name(), entryKey(name, a), name, a.size(),
                instance.id(), instance.lease());
        if (claim.isEmpty()) {
            return;
        }
        Path claimed = claimedPath(inbox, claim.get().id());
        try {
            Files.createDirectories(claimed.getParent());
            Files.move(entry, claimed, StandardCopyOption.ATOMIC_MOVE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            // Another instance renamed it first (its claim was already over when ours was made).
            claims.release(claim.get().id());
            return;
        } catch (IOException e) {
            failed(claim.get(), e);
            return;
        }
        work(claim.get(), claimed);
    }

    /**
     * Finishes a claim taken over from an instance that stopped renewing it: the file is in the claimed folder,
     * or still in the inbox under its received name, or already taken in (then only the claim is left).
     */
    public void resume(InboxClaims.Claim claim, IntakeProperties.Inbox inbox) {
        Path claimed = claimedPath(inbox, claim.id());
        if (Files.exists(claimed, LinkOption.NOFOLLOW_LINKS)) {
            work(claim, claimed);
            return;
        }
        Path entry = inbox.path().toAbsolutePath().resolve(claim.receivedName());
        try {
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile() && entryKey(claim.receivedName(), a).equals(claim.entryKey())) {
                Files.createDirectories(claimed.getParent());
                Files.move(entry, claimed, StandardCopyOption.ATOMIC_MOVE, LinkOption.NOFOLLOW_LINKS);
                work(claim, claimed);
                return;
            }
        } catch (NoSuchFileException | java.nio.file.InvalidPathException gone) {
            // Taken in and removed by the instance that died, or taken back by the gateway.
        } catch (IOException e) {
            failed(claim, e);
            return;
        }
        claims.release(claim.id());
        LOG.info("inbox {} claim {} taken over: its file was already taken in", inbox.name(), claim.id());
    }

    private void work(InboxClaims.Claim claim, Path claimed) {
        Optional<UUID> fax;
        try {
            fax = pickup.take(claim, claimed);
        } catch (IOException | RuntimeException e) {
            failed(claim, e);
            return;
        }
        claims.release(claim.id());
        archiveHasRoom();
        fax.ifPresent(toRead);
    }

    /** One log line per entry, not one per poll: the first failure and the last, each with the count. */
    private void failed(InboxClaims.Claim claim, Exception e) {
        metrics.error("pickup");
        if (e instanceof ArchiveFullException) {
            archiveFull(claim, e);
            return;
        }
        int limit = properties.claims().pickupAttempts();
        Duration backOff = properties.claims().scanInterval().multipliedBy(1L << Math.min(10, claim.attempts()));
        int attempts = claims.failed(claim.id(), instance.id(), describe(e), backOff);
        if (attempts == 1) {
            LOG.warn("inbox {} claim {} could not be taken ({}); tried again later, at most {} times", claim.inbox(),
                    claim.id(), e.getClass().getSimpleName(), limit);
        }
        if (attempts >= limit) {
            String reason = "受け付けできませんでした（" + attempts + "回試みました）。ファイルは受信フォルダの "
                    + CLAIMED_DIR + "/" + claim.id() + " または元の場所にあります";
            claims.skip(claim.id(), reason);
            var fax = pickup.recordFailure(claim, reason);
            LOG.warn("fax {}: inbox {} claim {} given up after {} tries ({}); listed for the admin", fax, claim.inbox(),
                    claim.id(), attempts, e.getClass().getSimpleName());
        }
    }

    /**
     * A full archive is not the entry's fault: it is never given up (no attempt limit, so once there is room it
     * is taken by itself), tried again at most {@link #FULL_BACK_OFF_STEPS} doublings of the scan interval apart,
     * and logged once per outage, not per entry; the claim shows the reason on the admin page meanwhile.
     */
    private void archiveFull(InboxClaims.Claim claim, Exception e) {
        metrics.error("archive-full");
        Duration backOff = properties.claims().scanInterval()
                .multipliedBy(1L << Math.min(FULL_BACK_OFF_STEPS, claim.attempts()));
        claims.failed(claim.id(), instance.id(), describe(e), backOff);
        int waiting = archiveFull.incrementAndGet();
        if (waiting == 1) {
            LOG.warn("the archive has no space left; faxes wait in the inbox's {} folder until there is room",
                    CLAIMED_DIR);
        }
    }

    /** Called after an entry was taken: a full archive that had made entries wait has room again. */
    private void archiveHasRoom() {
        int waited = archiveFull.getAndSet(0);
        if (waited > 0) {
            LOG.info("the archive has room again after {} tries that found it full", waited);
        }
    }

    /** What went wrong, for the admin page (no class names, no paths). */
    static String describe(Exception e) {
        if (e instanceof ArchiveFullException) {
            return "保管フォルダ（アーカイブ）の空きがありません。空きができ次第、自動で受け付けます";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "ファイルを読み書きする権限がありません";
        }
        if (e instanceof IOException) {
            return "ファイルを移動・保管できませんでした（入出力エラー。ディスクの空きや権限を確認してください）";
        }
        if (e instanceof org.springframework.dao.DataAccessException) {
            return "データベースに記録できませんでした";
        }
        return "予期しないエラーが発生しました";
    }

    private void nonRegular(IntakeProperties.Inbox inbox, Path entry, String name, BasicFileAttributes a) {
        String key = entryKey(name, a);
        if (claims.known(inbox.name(), key)) {
            return;
        }
        Optional<InboxClaims.Claim> claim = claims.claim(inbox.name(), key, name, 0, instance.id(), instance.lease());
        if (claim.isEmpty()) {
            return;
        }
        if (pickup.rejectEntry(claim.get(), entry, kindReason(a))) {
            claims.release(claim.get().id());
        } else {
            claims.skip(claim.get().id(), kindReason(a) + "（移動できないため受信フォルダに残しています）");
        }
    }

    /** Why an entry that is not a regular file is not taken, in the operator's words. */
    static String kindReason(BasicFileAttributes a) {
        String kind = a.isSymbolicLink() ? "シンボリックリンク" : a.isDirectory() ? "フォルダ"
                : "特殊ファイル（名前付きパイプ・デバイスなど）";
        return kind + "です。通常のファイルだけを受け付けます";
    }

    private Path claimedPath(IntakeProperties.Inbox inbox, UUID claimId) {
        return inbox.path().toAbsolutePath().resolve(CLAIMED_DIR).resolve(claimId.toString());
    }

    /** The entry as listed: its name, size, modification time and file key (inode), hashed to a fixed length. */
    static String entryKey(String name, BasicFileAttributes a) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().toMillis() + "\u0000"
                    + a.fileKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
