package io.todoke.intake.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

class SharedStorageCheckTest {

    @TempDir
    Path root;

    private HikariDataSource dataSource;
    private JdbcClient jdbc;

    private JdbcClient database() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + root.resolve("db/todoke"));
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        return jdbc;
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** An instance's folders: archive and error under {@code dir}. */
    private SharedStorageCheck instance(Path dir) {
        return new SharedStorageCheck(jdbc == null ? database() : jdbc, dir.resolve("archive"), dir.resolve("error"));
    }

    private void aFaxWasReceived() {
        jdbc.sql("insert into fax_document (id, inbox, file_name, sha256, size_bytes, state, received_at) "
                        + "values (?, 'fax', 'x.pdf', ?, 1, 'READ', ?)")
                .params(UUID.randomUUID(), "a".repeat(64), OffsetDateTime.now()).update();
    }

    @Test
    void theFirstInstanceMarksTheFoldersAndASecondOnTheSameSharedFoldersStarts() throws Exception {
        String id = instance(root.resolve("shared")).verifyAtStartup();
        aFaxWasReceived();

        assertThat(Files.readString(root.resolve("shared/archive").resolve(SharedStorageCheck.MARKER)).strip())
                .isEqualTo(id);
        assertThat(Files.readString(root.resolve("shared/error").resolve(SharedStorageCheck.MARKER)).strip())
                .isEqualTo(id);
        assertThat(instance(root.resolve("shared")).verifyAtStartup()).isEqualTo(id);
        assertThat(new SharedStorageHealthIndicator(instance(root.resolve("shared"))).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void anInstanceOnFoldersOfItsOwnDoesNotStartOnceFaxesExist() {
        instance(root.resolve("shared")).verifyAtStartup();
        aFaxWasReceived();

        assertThatThrownBy(() -> instance(root.resolve("local")).verifyAtStartup())
                .isInstanceOf(SharedStorageException.class)
                .hasMessageContaining("todoke.intake.archive-dir (" + root.resolve("local/archive") + ") has no "
                        + SharedStorageCheck.MARKER)
                .hasMessageContaining("does not see the shared folder")
                .hasMessageContaining("todoke.intake.error-dir");
        assertThat(root.resolve("local/archive").resolve(SharedStorageCheck.MARKER)).doesNotExist();
    }

    @Test
    void foldersOfAnotherInstallationAreRefused() throws Exception {
        String id = instance(root.resolve("shared")).verifyAtStartup();
        Files.writeString(root.resolve("shared/error").resolve(SharedStorageCheck.MARKER), "another-installation\n");

        assertThatThrownBy(() -> instance(root.resolve("shared")).verifyAtStartup())
                .isInstanceOf(SharedStorageException.class)
                .hasMessageContaining("todoke.intake.error-dir")
                .hasMessageContaining("another-installation")
                .hasMessageContaining(id);
        assertThat(new SharedStorageHealthIndicator(instance(root.resolve("shared"))).health().getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void instancesThatStartedTogetherOnFoldersOfTheirOwnAreCaughtByTheNewestOriginal() throws Exception {
        SharedStorageCheck first = instance(root.resolve("one"));
        first.verifyAtStartup();
        SharedStorageCheck second = instance(root.resolve("two"));
        second.verifyAtStartup(); // an empty database: nothing tells the folders apart yet
        String path = "2026/04/01/" + UUID.randomUUID() + "-fax.pdf";
        Files.createDirectories(root.resolve("one/archive").resolve(path).getParent());
        Files.writeString(root.resolve("one/archive").resolve(path), "%PDF");
        jdbc.sql("insert into fax_document (id, inbox, file_name, sha256, archive_path, size_bytes, state, "
                        + "received_at, archived_at) values (?, 'fax', 'x.pdf', ?, ?, 4, 'READ', ?, ?)")
                .params(UUID.randomUUID(), "b".repeat(64), path, OffsetDateTime.now(), OffsetDateTime.now()).update();

        assertThat(new SharedStorageHealthIndicator(first).health().getStatus()).isEqualTo(Status.UP);
        var health = new SharedStorageHealthIndicator(second).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problems").toString())
                .contains("lacks the original of the newest fax read", path);
        assertThatThrownBy(() -> instance(root.resolve("two")).verifyAtStartup())
                .isInstanceOf(SharedStorageException.class)
                .hasMessageContaining("lacks the original of the newest fax read");
    }

    @Test
    void anInstallationFromBeforeTheCheckIsAdoptedWithItsFaxes() {
        database();
        aFaxWasReceived();

        String id = instance(root.resolve("single")).verifyAtStartup();

        assertThat(jdbc.sql("select setting_value from cluster_setting where name = 'cluster-id'")
                .query(String.class).single()).isEqualTo(id);
        assertThat(root.resolve("single/archive").resolve(SharedStorageCheck.MARKER)).exists();
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamed() throws Exception {
        Files.writeString(root.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> instance(root.resolve("not-a-folder")).verifyAtStartup())
                .isInstanceOf(SharedStorageException.class)
                .hasMessageContaining("todoke.intake.archive-dir (" + root.resolve("not-a-folder/archive")
                        + ") is not writable");
    }

    @Test
    void aMarkerLostWhileRunningTurnsTheStorageComponentDown() throws Exception {
        SharedStorageCheck check = instance(root.resolve("shared"));
        check.verifyAtStartup();
        aFaxWasReceived();
        Files.delete(root.resolve("shared/archive").resolve(SharedStorageCheck.MARKER));

        var health = new SharedStorageHealthIndicator(check).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problems").toString()).contains("todoke.intake.archive-dir");
    }
}
