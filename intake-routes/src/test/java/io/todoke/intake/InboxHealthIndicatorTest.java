package io.todoke.intake;

import io.todoke.intake.ops.InboxHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class InboxHealthIndicatorTest {

    @TempDir
    Path root;

    private IntakeProperties properties(Path inbox) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "todoke.intake.inboxes[0].name", "ward1",
                "todoke.intake.inboxes[0].path", inbox.toString(),
                "todoke.intake.archive-dir", root.resolve("archive").toString(),
                "todoke.intake.error-dir", root.resolve("error").toString())))
                .bindOrCreate("todoke.intake", IntakeProperties.class);
    }

    @Test
    void aMissingInboxIsDownAndNamed() throws Exception {
        Files.createDirectories(root.resolve("archive"));
        Files.createDirectories(root.resolve("error"));
        var health = new InboxHealthIndicator(properties(root.resolve("gone"))).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("inbox.ward1")).asString().startsWith("missing: ");
    }

    @Test
    void existingFoldersAreUp() throws Exception {
        for (String d : List.of("inbox", "archive", "error")) {
            Files.createDirectories(root.resolve(d));
        }
        assertThat(new InboxHealthIndicator(properties(root.resolve("inbox"))).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void defaultsWorkOutOfTheBox() {
        IntakeProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("todoke.intake", IntakeProperties.class);
        assertThat(defaults.inboxes()).containsExactly(new IntakeProperties.Inbox("fax", Path.of("var/inbox")));
        assertThat(defaults.archiveDir()).isEqualTo(Path.of("var/archive"));
        assertThat(defaults.errorDir()).isEqualTo(Path.of("var/error"));
        assertThat(defaults.autoConfirm()).isTrue();
        assertThat(defaults.effectiveWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.stability().minAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.claims().lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxFileSize().toMegabytes()).isEqualTo(100);
        assertThat(defaults.stability().doneMarker()).isNull();
        assertThat(defaults.outbox().maxBackOff()).isEqualTo(Duration.ofMinutes(5));
    }
}
