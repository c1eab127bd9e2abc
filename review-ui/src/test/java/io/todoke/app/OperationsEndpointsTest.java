package io.todoke.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import io.todoke.app.security.TodokeUser;

/**
 * The operations endpoints of the real app with its search cluster unreachable (a configured address nobody
 * listens on): health, probes, metrics and who may read them.
 */
// Logging is set up before @DynamicPropertySource applies, so its folder is given here.
@SpringBootTest(properties = "todoke.logging.dir=target/operations-test-log")
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false) // tests otherwise turn the Prometheus registry off
class OperationsEndpointsTest {

    private static final Path TMP = TestWorkspace.create("todoke-operations-test-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("search.elasticsearch.uris", () -> "http://127.0.0.1:" + closedPort());
        registry.add("search.elasticsearch.connect-timeout", () -> "300ms");
        registry.add("todoke.operations.metrics-scrape-addresses", () -> "192.0.2.0/24");
    }

    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    MockMvc mvc;

    private final TodokeUser admin = account("ops-admin", "ROLE_ADMIN");
    private final TodokeUser clerk = account("ops-clerk", "ROLE_CLERK");
    private final TodokeUser staff = account("ops-staff", "ROLE_STAFF");

    @Test
    void withElasticsearchDownTheAppIsDegradedNotDownAndItsProbesAreUp() throws Exception {
        mvc.perform(get("/actuator/health").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.search.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.inboxes.status").value("UP"))
                .andExpect(jsonPath("$.components.elasticsearch").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void searchSaysInJapaneseThatTheSearchServerCannotBeReached() throws Exception {
        mvc.perform(get("/search").param("q", "山田").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("検索サーバーに接続できません")));
    }

    @Test
    void healthDetailsAreForAdministratorsOthersSeeOnlyTheStatus() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(user(clerk)))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(user(admin)))
                .andExpect(jsonPath("$.components.search.details.error").exists());
    }

    @Test
    void prometheusShowsTheIntakeMetersToAdministratorsAndTheScrapeAddressesOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("todoke_intake_pages_read_total")))
                .andExpect(content().string(containsString("todoke_intake_read_time_seconds")))
                .andExpect(content().string(containsString("todoke_intake_queue_depth")))
                .andExpect(content().string(containsString("todoke_intake_index_outbox_pending")))
                .andExpect(content().string(containsString("todoke_review_awaiting")));
        mvc.perform(get("/actuator/prometheus").with(r -> {
            r.setRemoteAddr("192.0.2.7");
            return r;
        })).andExpect(status().isOk()).andExpect(content().string(containsString("todoke_intake_pages_read_total")));

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().string(not(containsString("todoke_intake"))));
        mvc.perform(get("/actuator/prometheus").with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics/todoke.intake.pages.read").with(user(admin))).andExpect(status().isOk());
    }

    @Test
    void theLogGoesToARotatingFileBesidesTheConsole() throws Exception {
        // Logging is one per JVM and the last context started configured it: configure it from this one's settings.
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), null, null);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("CONSOLE")).isNotNull();
        RollingFileAppender<?> file = (RollingFileAppender<?>) root.getAppender("FILE");
        assertThat(Path.of(file.getFile())).isEqualTo(Path.of("target/operations-test-log/todoke.log"));
        SizeAndTimeBasedRollingPolicy<?> rotation = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertThat(rotation.getMaxHistory()).isEqualTo(30);
        assertThat(rotation.getFileNamePattern()).endsWith("todoke.%d{yyyy-MM-dd}.%i.log.gz");

        LoggerFactory.getLogger(OperationsEndpointsTest.class).info("operations log line");
        assertThat(Files.readString(Path.of(file.getFile()))).contains("operations log line");
    }

    private static TodokeUser account(String name, String role) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority(role)), name, null);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
