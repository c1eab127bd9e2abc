package io.todoke.intake.ops;

import io.todoke.intake.IntakeProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Actuator health {@code inboxes}: every inbox readable and writable, archive and error folders writable. */
public class InboxHealthIndicator implements HealthIndicator {

    private final IntakeProperties properties;

    public InboxHealthIndicator(IntakeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, String> details = new LinkedHashMap<>();
        boolean up = true;
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            String problem = problem(inbox.path(), true);
            details.put("inbox." + inbox.name(), problem == null ? inbox.path().toAbsolutePath().toString() : problem);
            up &= problem == null;
        }
        for (Map.Entry<String, Path> dir : Map.of("archive", properties.archiveDir(), "error",
                properties.errorDir()).entrySet()) {
            String problem = problem(dir.getValue(), false);
            details.put(dir.getKey(), problem == null ? dir.getValue().toAbsolutePath().toString() : problem);
            up &= problem == null;
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static String problem(Path dir, boolean mustRead) {
        if (!Files.isDirectory(dir)) {
            return "missing: " + dir.toAbsolutePath();
        }
        if (mustRead && !Files.isReadable(dir)) {
            return "not readable: " + dir.toAbsolutePath();
        }
        if (!Files.isWritable(dir)) {
            return "not writable: " + dir.toAbsolutePath();
        }
        return null;
    }
}
