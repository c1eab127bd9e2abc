package io.todoke.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.todoke.app.ops.ReindexJob;
import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.review.ReviewService;

/**
 * The running app (real local node) rebuilds its index from the database on an administrator's request. Its own
 * context and alias: a rebuild replaces the whole index, which the other search tests fill directly.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReindexActionTest {

    private static final Path TMP = TestWorkspace.create("todoke-reindex-test-");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorkspace.register(registry, TMP);
        registry.add("search.elasticsearch.index-alias", () -> "reindex-test-cases");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseIndex index;
    @Autowired
    FaxStore faxes;
    @Autowired
    ReviewService reviews;
    @Autowired
    ReindexJob job;

    private final TodokeUser admin = account("reindex-admin", "ROLE_ADMIN");
    private final TodokeUser staff = account("reindex-staff", "ROLE_STAFF");

    @Test
    void anAdministratorRebuildsTheIndexOfTheRunningAppFromTheDatabase() throws Exception {
        TestCases cases = new TestCases(faxes, Path.of("../config/forms/covid19-notification/layout.json"),
                TMP.resolve("archive"));
        Map<String, TestCases.Read> reads = TestCases.typicalForm();
        reads.put("patient_name", TestCases.Read.ok("索引 再子"));
        reads.put("patient_address", TestCases.Read.ok("神戸市西区玉津町1-2"));
        UUID id = cases.seed(reads, List.of());
        NotificationCase held = reviews.claim(id, "clerk-seed");
        reviews.confirm(id, "clerk-seed", held.version());
        await(() -> found("索引"), "the outbox indexes the confirmed case");
        index.delete(id.toString());
        assertThat(found("索引")).as("precondition: the index lost the case").isFalse();

        mvc.perform(post("/admin/operations/reindex").with(user(staff)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/operations/reindex").with(user(admin))).andExpect(status().isForbidden());
        assertThat(job.state()).as("neither started a rebuild").isNull();

        mvc.perform(post("/admin/operations/reindex").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/operations"));
        await(() -> job.state() != null && !job.state().running(), "the rebuild finishes");

        assertThat(job.state().error()).isNull();
        assertThat(job.state().cases()).isEqualTo(1);
        assertThat(found("索引")).isTrue();
        mvc.perform(get("/admin/operations").with(user(admin))).andExpect(status().isOk());
    }

    private boolean found(String q) {
        return index.search(CaseIndex.CaseQuery.text(q)).total() > 0;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static TodokeUser account(String name, String role) {
        return new TodokeUser(name, "x", true, List.of(new SimpleGrantedAuthority(role)), name, null);
    }
}
