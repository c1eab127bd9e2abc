package io.todoke.app;

import io.todoke.app.security.UserAccounts;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;

/**
 * The real app on a random port for Chromium and MockMvc, every form reviewed by a clerk. Subclasses share one
 * context: give each its own user names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserAppTest {

    protected static final Path TMP = TestWorkspace.create("todoke-browser-app-test-");
    protected static final String PASSWORD = "test-password-1";
    protected static final String ADMIN_PASSWORD = "admin-test-password";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("todoke.intake.auto-confirm", () -> "false");
        registry.add("search.elasticsearch.index-alias", () -> "browser-app-test-cases");
        registry.add("search.elasticsearch.local.java-opts", () -> io.todoke.search.TestElasticsearch.FAST_START);
        registry.add("logging.level.org.openqa.selenium", () -> "ERROR");
        // The double check on for the guardian's fields when doubtful: only DoubleCheckBrowserTest reads them so.
        registry.add("todoke.review.double-check.when", () -> "DOUBTFUL");
        registry.add("todoke.review.double-check.fields", () -> "guardian_name,guardian_address");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ReviewService reviews;
    @Autowired
    protected UserAccounts accounts;
    @Autowired
    protected FaxStore faxes;

    protected TestCases cases;

    @BeforeAll
    void seeder() {
        cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"), TMP.resolve("archive"));
    }

    protected Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    protected Browser browser(int width, int height) {
        return new Browser("http://localhost:" + port, width, height);
    }
}
