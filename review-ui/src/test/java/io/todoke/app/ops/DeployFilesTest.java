package io.todoke.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.todoke.intake.IntakeProperties;
import io.todoke.search.config.SearchProperties;

/** The files under deploy/ say what they mean: the environment file binds to the settings it names. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    /** The file as systemd reads it: KEY=VALUE lines, comments and blank lines skipped, outer quotes removed. */
    private static Map<String, Object> environmentFile() throws Exception {
        Map<String, Object> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("todoke.env.example"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String value = line.substring(eq + 1);
            if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, eq), value);
        }
        return env;
    }

    @Test
    void theEnvironmentFileBindsToTheSettingsItNames() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        // In place of this process's environment, under its name, which selects the environment-variable mapping.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentFile()));
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));

        IntakeProperties intake = binder.bind("todoke.intake", IntakeProperties.class).get();
        assertThat(intake.inboxes()).containsExactly(new IntakeProperties.Inbox("fax", Path.of("/srv/todoke/inbox")));
        assertThat(intake.archiveDir()).isEqualTo(Path.of("/srv/todoke/archive"));
        assertThat(intake.errorDir()).isEqualTo(Path.of("/srv/todoke/error"));
        assertThat(intake.workDir()).isEqualTo(Path.of("/var/lib/todoke/work"));

        SearchProperties search = binder.bind("search.elasticsearch", SearchProperties.class).get();
        assertThat(search.uris()).containsExactly(URI.create("https://search1.example.local:9200"),
                URI.create("https://search2.example.local:9200"));
        assertThat(search.apiKey()).isEqualTo("change-me");
        assertThat(search.caCertificate()).isEqualTo(Path.of("/etc/todoke/es-ca.pem"));

        assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://");
        assertThat(binder.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("native");
        assertThat(binder.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isTrue();
        assertThat(binder.bind("todoke.logging.dir", String.class).get()).isEqualTo("/var/log/todoke");
        assertThat(binder.bind("todoke.operations", OperationsProperties.class).get().metricsScrapeAddresses())
                .isEmpty();
        assertThat(environmentFile().get("JAVA_OPTS").toString().split(" ")).contains("-Xmx2g",
                "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theSystemdUnitIsValid() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze not installed");
        Process p = new ProcessBuilder(analyze.toString(), "verify", DEPLOY.resolve("todoke.service").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Only complaints about this unit count; the test machine has no todoke user, java path or mounts to check.
        assertThat(output.lines().filter(l -> l.contains("todoke.service") && !l.contains("Failed to resolve")
                && !l.contains("not found") && !l.contains("No such file")).toList()).as(output).isEmpty();
        assertThat(p.waitFor()).as(output).isIn(List.of(0, 1));
    }
}
