package io.todoke.app;

import java.nio.file.Path;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.todoke.search.CaseIndex;

/**
 * The real app over H2 and the real local Elasticsearch node, driven through MockMvc. Subclasses share one context
 * (and one node), so their indexed cases must not collide: give each its own names and dates.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchAppTest {

    protected static final Path TMP = TestWorkspace.create("todoke-search-app-test-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("search.elasticsearch.index-alias", () -> "search-app-test-cases");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected CaseIndex index;
    @Autowired
    protected JdbcClient jdbc;
}
