package io.todoke.search.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Finds the Elasticsearch integ-test-zip the build resolved and unpacks it once. */
final class ElasticsearchDistribution {

    static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";
    private static final String MARKER = ".todoke-unpacked";

    private ElasticsearchDistribution() {
    }

    /** The configured zip, else the one Maven put into the local repository, else a clear error. */
    static Path locateZip(LocalNodeSettings settings) {
        String version = settings.version();
        if (settings.distributionZip() != null) {
            if (Files.isRegularFile(settings.distributionZip())) {
                return settings.distributionZip();
            }
            throw new LocalElasticsearchException("Elasticsearch distribution zip not found at the configured path "
                    + settings.distributionZip() + " (search.elasticsearch.local.distribution-zip)");
        }
        Path repository = localMavenRepository();
        Path zip = repository.resolve(GROUP_PATH).resolve(version).resolve("elasticsearch-" + version + ".zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        throw new LocalElasticsearchException("Elasticsearch " + version + " distribution zip not found at " + zip
                + ". The build resolves it (./mvnw -pl search-index dependency:resolve), or fetch it with "
                + "./mvnw dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
                + version + ":zip, or set search.elasticsearch.local.distribution-zip, "
                + "or point search.elasticsearch.uris at a running cluster.");
    }

    static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Unpacks the zip into {@code settings.distributionDir()} unless a complete copy is already there. */
    static Path unpack(Path zip, LocalNodeSettings settings) {
        Path target = settings.distributionDir();
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            // Unpack beside the target and move it into place so a killed start never leaves half a distribution.
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            try {
                extract(zip, staging, true);
                makeScriptsExecutable(staging);
                Files.writeString(staging.resolve(MARKER), zip.toString());
                deleteTree(target);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(staging, target);
                }
            } finally {
                deleteTree(staging);
            }
            return target;
        } catch (IOException e) {
            throw new LocalElasticsearchException("Could not unpack " + zip + " into " + target + ": " + e, e);
        }
    }

    /**
     * Makes {@code plugins/} hold exactly the configured plugins: each an unpacked plugin directory or a plugin zip,
     * installed as {@code plugins/<directory or zip name>}. Copied afresh on every start, so a rebuilt plugin is
     * picked up; a plugin no longer configured is removed.
     */
    static void installPlugins(Path home, List<Path> plugins) {
        installPlugins(home, plugins, Set.of());
    }

    /** As {@link #installPlugins(Path, List)}, leaving the plugin directories named in {@code keep} alone. */
    static void installPlugins(Path home, List<Path> plugins, Set<String> keep) {
        Path pluginsDir = home.resolve("plugins");
        try {
            Files.createDirectories(pluginsDir);
            Map<String, Path> wanted = new LinkedHashMap<>();
            for (Path plugin : plugins) {
                String name = plugin.getFileName().toString().replaceFirst("\\.zip$", "");
                if (!Files.exists(plugin)) {
                    throw new LocalElasticsearchException("Elasticsearch plugin not found: " + plugin
                            + " (search.elasticsearch.local.plugins); build it first.");
                }
                wanted.put(name, plugin);
            }
            try (DirectoryStream<Path> installed = Files.newDirectoryStream(pluginsDir)) {
                for (Path existing : installed) {
                    String name = existing.getFileName().toString();
                    if (!wanted.containsKey(name) && !keep.contains(name)) {
                        deleteTree(existing);
                    }
                }
            }
            for (Map.Entry<String, Path> plugin : wanted.entrySet()) {
                Path target = pluginsDir.resolve(plugin.getKey());
                deleteTree(target);
                if (Files.isDirectory(plugin.getValue())) {
                    copyTree(plugin.getValue(), target);
                } else {
                    Files.createDirectories(target);
                    extract(plugin.getValue(), target, false);
                }
                if (!Files.isRegularFile(target.resolve("plugin-descriptor.properties"))
                        && !Files.isRegularFile(target.resolve("stable-plugin-descriptor.properties"))) {
                    throw new LocalElasticsearchException("Not an Elasticsearch plugin (no plugin-descriptor.properties "
                            + "or stable-plugin-descriptor.properties at its top level): " + plugin.getValue());
                }
            }
        } catch (IOException e) {
            throw new LocalElasticsearchException("Cannot install Elasticsearch plugins into " + pluginsDir + ": " + e,
                    e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void extract(Path zip, Path into, boolean stripTopLevel) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                // Every distribution entry sits under elasticsearch-<version>/; drop that level.
                String relative = !stripTopLevel ? name : slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = into.resolve(relative).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** java.util.zip drops the Unix modes; the launch scripts need their execute bit back. */
    private static void makeScriptsExecutable(Path into) throws IOException {
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(into.resolve("bin"))) {
            Set<PosixFilePermission> executable = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
            for (Path script : scripts) {
                Files.setPosixFilePermissions(script, executable);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
