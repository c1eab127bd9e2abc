package io.todoke.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchDistributionTest {

    @TempDir
    Path dir;

    @Test
    void pluginsDirectoryEndsUpHoldingExactlyTheConfiguredPlugins() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("plugins/stale"));
        Path unpacked = dir.resolve("analysis-ja");
        Files.createDirectories(unpacked);
        Files.writeString(unpacked.resolve("stable-plugin-descriptor.properties"), "name=analysis-ja\n");
        Files.writeString(unpacked.resolve("analysis-ja.jar"), "jar");
        Path zip = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("plugin-descriptor.properties"));
            z.write("name=other\n".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lib/other.jar"));
            z.write("jar".getBytes());
            z.closeEntry();
        }

        ElasticsearchDistribution.installPlugins(home, List.of(unpacked, zip));

        try (var listing = Files.list(home.resolve("plugins"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("analysis-ja", "other");
        }
        assertThat(home.resolve("plugins/analysis-ja/analysis-ja.jar")).hasContent("jar");
        assertThat(home.resolve("plugins/other/lib/other.jar")).hasContent("jar");

        // A rebuilt plugin replaces the installed copy.
        Files.writeString(unpacked.resolve("analysis-ja.jar"), "jar v2");
        ElasticsearchDistribution.installPlugins(home, List.of(unpacked));
        assertThat(home.resolve("plugins/analysis-ja/analysis-ja.jar")).hasContent("jar v2");
        assertThat(home.resolve("plugins/other")).doesNotExist();
    }

    @Test
    void aDirectoryWithoutPluginDescriptorIsRejectedByName() throws Exception {
        Path notAPlugin = Files.createDirectories(dir.resolve("classes"));
        assertThatThrownBy(() -> ElasticsearchDistribution.installPlugins(dir.resolve("home"), List.of(notAPlugin)))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("Not an Elasticsearch plugin")
                .hasMessageContaining(notAPlugin.toString());
    }

    @Test
    void aMissingPluginSaysSo() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> ElasticsearchDistribution.installPlugins(dir.resolve("home"), List.of(missing)))
                .isInstanceOf(LocalElasticsearchException.class)
                .hasMessageContaining("plugin not found: " + missing);
    }
}
