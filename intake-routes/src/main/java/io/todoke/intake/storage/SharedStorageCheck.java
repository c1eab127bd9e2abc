package io.todoke.intake.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks that the archive and error folders are the installation's shared ones: writable, and carrying a marker
 * file ({@value #MARKER}) with the cluster id the database holds. Every instance must see every original (any of
 * them serves {@code /cases/{id}/original} and re-reads after a crash), so an instance on folders of its own must
 * not start. The first instance of an installation writes the id into the database and the markers; an upgraded
 * single-instance installation is adopted the same way.
 */
public class SharedStorageCheck {

    public static final String MARKER = ".todoke-cluster-id";
    static final String SETTING = "cluster-id";
    static final String ARCHIVE_PROPERTY = "todoke.intake.archive-dir";
    static final String ERROR_PROPERTY = "todoke.intake.error-dir";

    private static final Logger LOG = LoggerFactory.getLogger(SharedStorageCheck.class);

    private final JdbcClient jdbc;
    private final Path archiveDir;
    private final Map<String, Path> folders = new LinkedHashMap<>();

    public SharedStorageCheck(JdbcClient jdbc, Path archiveDir, Path errorDir) {
        this.jdbc = jdbc;
        this.archiveDir = archiveDir;
        folders.put(ARCHIVE_PROPERTY, archiveDir);
        folders.put(ERROR_PROPERTY, errorDir);
    }

    /** Problems found now, each a sentence for the operator; empty when the folders are right. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Optional<String> clusterId = storedClusterId();
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            String problem = writable(folder.getKey(), folder.getValue());
            if (problem == null) {
                problem = clusterId.map(id -> markerProblem(folder.getKey(), folder.getValue(), id, false, false))
                        .orElse(null);
            }
            if (problem != null) {
                problems.add(problem);
            }
        }
        newestOriginalProblem().ifPresent(problems::add);
        return problems;
    }

    /**
     * The start-up check: adopts or creates the cluster id and writes missing markers where that is safe, then
     * throws {@link SharedStorageException} naming every folder that is wrong.
     */
    public String verifyAtStartup() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            String problem = writable(folder.getKey(), folder.getValue());
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new SharedStorageException(String.join(" ", problems));
        }
        Optional<String> stored = storedClusterId();
        // No id yet: the installation's first start with this check, whose folders are then its folders.
        boolean adopting = stored.isEmpty();
        String clusterId = stored.orElseGet(this::adoptClusterId);
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            String problem = markerProblem(folder.getKey(), folder.getValue(), clusterId, adopting, true);
            if (problem != null) {
                problems.add(problem);
            }
        }
        newestOriginalProblem().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new SharedStorageException(String.join(" ", problems));
        }
        LOG.info("Archive and error folders carry cluster id {}", clusterId);
        return clusterId;
    }

    /** First start with the check: the id an existing marker names, else a new one; a racing instance may win. */
    private String adoptClusterId() {
        String candidate = folders.values().stream().map(SharedStorageCheck::marker).flatMap(Optional::stream)
                .findFirst().orElse(UUID.randomUUID().toString());
        try {
            jdbc.sql("insert into cluster_setting (name, setting_value, updated_at) values (?, ?, ?)")
                    .params(SETTING, candidate, OffsetDateTime.now(ZoneOffset.UTC)).update();
            LOG.info("Cluster id {} recorded in the database", candidate);
        } catch (DuplicateKeyException e) {
            // another instance started at the same moment and recorded its id first
        }
        return storedClusterId().orElseThrow();
    }

    private Optional<String> storedClusterId() {
        return jdbc.sql("select setting_value from cluster_setting where name = ?").param(SETTING)
                .query(String.class).optional();
    }

    private String markerProblem(String property, Path dir, String clusterId, boolean adopting, boolean mayWrite) {
        Optional<String> marker = marker(dir);
        if (marker.isPresent()) {
            return marker.get().equals(clusterId) ? null
                    : property + " (" + dir + ") belongs to another installation: its " + MARKER + " says "
                    + marker.get() + ", the database says " + clusterId + ". Point it at this installation's shared "
                    + "folder.";
        }
        long faxes = adopting ? 0 : jdbc.sql("select count(*) from fax_document").query(Long.class).single();
        if (faxes > 0) {
            return property + " (" + dir + ") has no " + MARKER + " although the database holds " + faxes
                    + " fax(es): this instance does not see the shared folder the others use. Mount the shared "
                    + "folder there (or point " + property + " at it); if this folder really is the installation's "
                    + "only copy, write " + clusterId + " into " + dir.resolve(MARKER) + ".";
        }
        if (mayWrite) {
            writeMarker(dir, clusterId);
        }
        return null;
    }

    /**
     * The original of the newest fax read must be in this archive folder. This catches what the
     * markers cannot: instances that started together on an empty database, each on a folder of its own.
     */
    private Optional<String> newestOriginalProblem() {
        // READ: read from its archived original. By (state, received_at), which is indexed: health asks often.
        Optional<String> newest = jdbc.sql("select archive_path from fax_document where state = 'READ' "
                        + "and archive_path is not null order by received_at desc fetch first 1 rows only")
                .query(String.class).optional();
        if (newest.isEmpty() || Files.exists(archiveDir.resolve(newest.get()))) {
            return Optional.empty();
        }
        return Optional.of(ARCHIVE_PROPERTY + " (" + archiveDir + ") lacks the original of the newest fax read "
                + "(" + newest.get() + "): this instance does not see the archive the others write. "
                + "Mount the shared folder there (or point " + ARCHIVE_PROPERTY + " at it).");
    }

    private static Optional<String> marker(Path dir) {
        Path file = dir.resolve(MARKER);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new SharedStorageException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void writeMarker(Path dir, String clusterId) {
        Path file = dir.resolve(MARKER);
        try {
            Path tmp = Files.createTempFile(dir, MARKER, ".tmp");
            Files.writeString(tmp, clusterId + "\n", StandardCharsets.UTF_8);
            try {
                // no REPLACE_EXISTING: a marker another instance wrote meanwhile wins
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
            LOG.info("Wrote cluster marker {}", file);
        } catch (IOException e) {
            throw new SharedStorageException("Cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String writable(String property, Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".todoke-write-test-", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return property + " (" + dir + ") is not writable: " + e.getClass().getSimpleName() + " "
                    + e.getMessage() + ".";
        }
    }
}
