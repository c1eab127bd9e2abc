package io.todoke.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docs/OPERATIONS.md's shell blocks, run as written by scripts/runbook-check.sh in a sandbox root with a throwaway
 * PostgreSQL cluster, Debian's nginx and systemd-analyze (the script's header says what stands in for what).
 */
class RunbookTest {

    @Test
    void everyShellBlockOfTheRunbookRunsInASandbox() throws Exception {
        // The runbook is run as root (useradd, install -o, runuser), as make test runs on a build machine.
        assumeTrue("root".equals(System.getProperty("user.name")), "runbook check skipped: not run as root");
        Path script = Path.of("..", "scripts", "runbook-check.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("ok  install-service", "ok  database", "ok  tls-proxy", "ok  backup",
                "ok  restore", "ok  upgrade-restart", "every shell block of OPERATIONS.md ran");
    }
}
