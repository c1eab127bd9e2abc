package io.todoke.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Installs the Japanese analysis plugin into a local Elasticsearch node's {@code plugins} directory.
 *
 * <p>A stable plugin is a directory of jars plus two descriptor files. The jars are found on the app's own
 * classpath, where they may be plain files (from Maven's repository), a classes directory (in a reactor
 * build) or entries nested in the Spring Boot jar; each is copied out as a plain jar, so the app never loads
 * Lucene itself.
 */
public final class JapaneseAnalysisPlugin {

    /** The plugin's name, and its directory under {@code plugins/}. */
    public static final String NAME = "todoke-analysis-ja";

    static final String DESCRIPTOR = "es-plugin/stable-plugin-descriptor.properties";
    static final String COMPONENTS = "es-plugin/named_components.json";
    private static final String KUROMOJI_CLASS = "org/apache/lucene/analysis/ja/JapaneseTokenizer.class";

    private JapaneseAnalysisPlugin() {
    }

    /**
     * Writes the plugin to {@code pluginsDir/todoke-analysis-ja}, replacing an older copy. The directory is
     * built beside its final place and moved in, so a node never sees half a plugin.
     *
     * @return the plugin's directory
     */
    public static Path installInto(Path pluginsDir) {
        ClassLoader loader = JapaneseAnalysisPlugin.class.getClassLoader();
        Path target = pluginsDir.resolve(NAME);
        Path staging = pluginsDir.resolveSibling("." + NAME + ".staging");
        try {
            Files.createDirectories(pluginsDir);
            deleteTree(staging);
            Files.createDirectories(staging);
            copyResource(loader, DESCRIPTOR, staging.resolve("stable-plugin-descriptor.properties"));
            copyResource(loader, COMPONENTS, staging.resolve("named_components.json"));
            copyJarContaining(loader, COMPONENTS, staging.resolve(NAME + ".jar"));
            copyJarContaining(loader, KUROMOJI_CLASS, staging.resolve("lucene-analysis-kuromoji.jar"));
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the Japanese analysis plugin into " + pluginsDir, e);
        }
    }

    private static void copyResource(ClassLoader loader, String name, Path to) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing " + name + " on the classpath");
            }
            Files.copy(in, to);
        }
    }

    /** Copies the jar (or classes directory, jarred) that holds {@code resource}. */
    static void copyJarContaining(ClassLoader loader, String resource, Path to) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IOException("Missing " + resource + " on the classpath");
        }
        String spec = url.toString();
        if (spec.startsWith("jar:")) {
            // jar:<jar url>!/<entry>; the jar url may itself be Spring Boot's nested: url.
            String jarUrl = spec.substring("jar:".length(), spec.lastIndexOf("!/"));
            try (InputStream in = URI.create(jarUrl).toURL().openStream()) {
                Files.copy(in, to);
            }
        } else if (spec.startsWith("file:")) {
            Path file = toPath(url);
            Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            jarDirectory(root, to);
        } else {
            throw new IOException("Cannot copy " + resource + " out of " + spec);
        }
    }

    private static Path toPath(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Bad classpath URL " + url, e);
        }
    }

    private static void jarDirectory(Path root, Path to) throws IOException {
        try (OutputStream out = Files.newOutputStream(to);
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
