package io.todoke.intake;

import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.intake.pickup.FaxPickup;
import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.FaxEngines;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.CaseState;
import io.todoke.store.review.JdbcReviewService;
import io.todoke.store.outbox.IndexOutbox;
import io.todoke.search.CaseIndex;
import io.todoke.search.config.SearchCluster;
import io.todoke.search.node.LocalElasticsearch;
import io.todoke.intake.index.ReindexService;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample faxes and bad inputs ({@code samples/}, made by the project's generator) through the intake
 * with the real OCR engine, Tesseract included.
 */
@CamelSpringBootTest
@SpringBootTest(classes = {TestIntakeApplication.class, RealEngineIntakeTest.Engine.class}, properties = {
        "spring.main.allow-bean-definition-overriding=true",
        "todoke.intake.workers=2",
        "todoke.intake.poll-delay=100ms",
        "todoke.intake.stability.min-age=300ms",
        "todoke.intake.read-timeout=150s",
        "todoke.intake.outbox.interval=300ms",
        "todoke.intake.outbox.first-back-off=500ms",
        "todoke.intake.outbox.max-back-off=3s",
        "search.elasticsearch.refresh=wait-for",
})
class RealEngineIntakeTest {

    static final Path SAMPLES = Path.of("..", "samples");
    static final Path FORMS = Path.of("..", "config", "forms");
    static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class Engine {
        @Bean
        FaxReader faxReader() {
            return FaxEngines.open(FORMS, java.nio.file.Path.of("/usr/share/tesseract-ocr/5/tessdata"), DecodeLimits.DEFAULTS);
        }
    }

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("todoke.intake.inboxes[0].name", () -> "fax");
        registry.add("todoke.intake.inboxes[0].path", () -> root.resolve("inbox"));
        registry.add("todoke.intake.archive-dir", () -> root.resolve("archive"));
        registry.add("todoke.intake.error-dir", () -> root.resolve("error"));
        registry.add("todoke.intake.work-dir", () -> root.resolve("work"));
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/todoke"));
        // A fixed port, so that the node stopped in the test comes back where the client looks for it.
        registry.add("search.elasticsearch.local.http-port", Waits::freePort);
    }


    @Autowired
    Jurisdiction jurisdiction;
    @Autowired
    FaxStore faxes;
    @Autowired
    CaseStore cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexOutbox outbox;
    @Autowired
    CaseIndex index;
    @Autowired
    ReindexService reindex;
    @Autowired
    SearchCluster cluster;

    @Test
    void sampleFaxOfEveryLibraryFormBecomesACaseOfItsDiseaseAndBadInputsEndWithTheirReasons() throws Exception {
        // two COVID faxes (one upside down) and the one fax of each other form of the library (samples/README.md)
        List<String> good = List.of("fax-0001.pdf", "fax-0003.tif", "fax-0012.pdf", "fax-0013.pdf", "fax-0014.pdf",
                "fax-0015.pdf", "fax-0016.tif");
        List<String> bad = List.of("corrupt.pdf", "encrypted.pdf", "truncated.pdf", "text-named.pdf", "empty.pdf");
        // named .tif but a PNG image: taken for what its content is, a (blank) scanned page
        String mislabelled = "png-named.tif";
        FaxFixtures.drop(root.resolve("inbox"), mislabelled, Files.readAllBytes(SAMPLES.resolve("bad").resolve(mislabelled)));
        for (String name : good) {
            FaxFixtures.drop(root.resolve("inbox"), name, Files.readAllBytes(SAMPLES.resolve(name)));
        }
        for (String name : bad) {
            FaxFixtures.drop(root.resolve("inbox"), name, Files.readAllBytes(SAMPLES.resolve("bad").resolve(name)));
        }

        long end = System.nanoTime() + 240_000_000_000L;
        Map<String, FaxDocument> byName = Map.of();
        while (System.nanoTime() < end) {
            byName = faxes.all().stream().collect(Collectors.toMap(FaxDocument::fileName, Function.identity()));
            if (byName.size() == good.size() + bad.size() + 1
                    && byName.values().stream().noneMatch(f -> f.state() == FaxState.RECEIVED)) {
                break;
            }
            Thread.sleep(200);
        }
        for (String name : good) {
            FaxDocument fax = byName.get(name);
            assertThat(fax).as(name).isNotNull();
            assertThat(fax.state()).as(name + ": " + fax.error()).isEqualTo(FaxState.READ);
            List<NotificationCase> read = cases.byFax(fax.id());
            assertThat(read).as(name + " has one form").hasSize(1);
            assertReadWithItsOwnForm(name, read.get(0));
            assertThat(jdbc.sql("select count(*) from fax_page where fax_id = ?").param(fax.id())
                    .query(Long.class).single()).isEqualTo(fax.pageCount()).isPositive();
        }
        assertThat(byName.values().stream().filter(f -> good.contains(f.fileName()))
                .flatMap(f -> cases.byFax(f.id()).stream()).map(NotificationCase::disease).distinct())
                .as("the six diseases of the library").hasSize(6);
        assertThat(byName.get("fax-0001.pdf").pageCount()).as("cover sheet and form").isEqualTo(2);
        for (String name : bad) {
            FaxDocument fax = byName.get(name);
            assertThat(fax).as(name).isNotNull();
            assertThat(fax.state()).as(name).isEqualTo(FaxState.FAILED);
            assertThat(fax.error()).as(name).isNotBlank();
        }
        assertThat(byName.get("text-named.pdf").error()).isEqualTo(FaxPickup.NOT_A_FAX_REASON);
        FaxDocument png = byName.get(mislabelled);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.state()).as(mislabelled + ": " + png.error()).isEqualTo(FaxState.READ);
        assertThat(png.pageCount()).isEqualTo(1);
        assertThat(cases.byFax(png.id())).as("a blank page is no case").isEmpty();
        assertThat(byName.get("empty.pdf").error()).isEqualTo(FaxPickup.EMPTY_REASON);
        assertThat(byName.get("encrypted.pdf").error()).startsWith("暗号化");
        Optional.of(byName.get("corrupt.pdf")).ifPresent(f -> assertThat(f.archivePath()).isNotNull());

        // Elasticsearch goes down. A clerk confirms what waits for review (the review helper's service writes the
        // outbox entry in the confirmation's transaction); the outbox keeps the entries and retries. When the
        // node is back, the index catches up by itself; a reindex then rebuilds the same.
        LocalElasticsearch node = cluster.localNode().orElseThrow();
        node.stop();
        JdbcReviewService review = new JdbcReviewService(jdbc, outbox, jurisdiction);
        for (String name : good) {
            for (NotificationCase c : cases.byFax(byName.get(name).id())) {
                if (c.state() == CaseState.AWAITING_REVIEW) {
                    NotificationCase claimed = review.claim(c.id(), "clerk1");
                    review.confirm(c.id(), "clerk1", claimed.version());
                }
            }
        }
        long failing = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < failing && jdbc.sql("select count(*) from index_outbox where attempts > 0")
                .query(Long.class).single() < good.size()) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("select count(*) from index_outbox where attempts > 0").query(Long.class).single())
                .as("writes failed and were kept while Elasticsearch was down").isEqualTo(good.size());
        assertThat(cases.count(CaseState.CONFIRMED)).isEqualTo(good.size());
        node.start();

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(outbox.pending()).isZero();
        long confirmed = cases.count(CaseState.AUTO_CONFIRMED) + cases.count(CaseState.CONFIRMED);
        long indexed = cases.count(CaseState.INDEXED);
        assertThat(confirmed).as("confirmed but not indexed").isZero();
        assertThat(indexed).isEqualTo(good.size());
        assertThat(reindex.reindex()).isEqualTo(indexed);
        assertThat(index.search(new CaseIndex.CaseQuery(null, List.of(), null, null, null, null, 0, 20)).total())
                .isEqualTo(indexed);
        System.out.println("REAL ENGINE: " + indexed + " case(s) confirmed and indexed; faxes: " + byName.values().stream()
                .map(f -> f.fileName() + "=" + f.state() + (f.error() == null ? "" : " (" + f.error() + ")"))
                .sorted().toList());
    }

    /**
     * The case of a sample fax is of the form its truth file names (template, version, and that layout's disease),
     * holds exactly that layout's field keys (nothing read with another form's keys) and has most of the filled-in
     * fields read as written; a field read otherwise is flagged, so that the clerk's review corrects it.
     */
    private static void assertReadWithItsOwnForm(String name, NotificationCase read) throws Exception {
        JsonNode truth = JSON.readTree(SAMPLES.resolve(name.replaceFirst("\\.[a-z]+$", ".truth.json")).toFile())
                .get("forms").get(0);
        String template = truth.get("template").asText();
        JsonNode layout = JSON.readTree(FORMS.resolve(template).resolve("layout.json").toFile());
        assertThat(read.templateId()).as(name + " template").isEqualTo(template);
        assertThat(read.templateVersion()).as(name + " version").isEqualTo(truth.get("version").asText());
        assertThat(read.disease()).as(name + " disease").isEqualTo(layout.get("disease").get("code").asText());
        Set<String> keys = new LinkedHashSet<>();
        layout.get("fields").forEach(f -> keys.add(f.get("key").asText()));
        assertThat(read.fields().keySet()).as(name + " field keys").containsExactlyInAnyOrderElementsOf(keys);
        List<String> filled = new ArrayList<>();
        truth.get("fields").properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull() && !(v.isArray() && v.isEmpty()) && !(v.isTextual() && v.asText().isBlank())) {
                filled.add(e.getKey());
            }
        });
        List<String> wrong = new ArrayList<>();
        List<String> silentlyWrong = new ArrayList<>();
        long readFilled = 0;
        for (String key : filled) {
            FieldReading f = read.fields().get(key);
            Object value = f == null ? null : f.value();
            if (value == null || value.toString().isBlank() || value instanceof Collection<?> c && c.isEmpty()) {
                wrong.add(key + " empty");
                continue;
            }
            readFilled++;
            if (!comparable(value).equals(comparable(truth.get("fields").get(key)))) {
                wrong.add(key + " " + f.status());
                if (f.status() == FieldStatus.OK) {
                    silentlyWrong.add(key);
                }
            }
        }
        System.out.println("REAL ENGINE: " + name + " " + template + " " + readFilled + "/" + filled.size()
                + " filled fields read, differing from the truth: " + wrong);
        assertThat(readFilled).as(name + ": filled-in fields read").isGreaterThanOrEqualTo(filled.size() * 3L / 4);
        assertThat(wrong.size()).as(name + ": fields read as written " + wrong).isLessThanOrEqualTo(filled.size() / 3);
        assertThat(silentlyWrong).as(name + ": misread fields are flagged for the clerk's review").isEmpty();
    }

    /** A reading or a truth value as comparable text: sets of options in any order, numbers and dates as written. */
    private static Object comparable(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isArray()) {
                Set<String> items = new java.util.TreeSet<>();
                node.forEach(n -> items.add(n.asText()));
                return items;
            }
            return node.asText().strip();
        }
        if (value instanceof Collection<?> items) {
            Set<String> set = new java.util.TreeSet<>();
            items.forEach(i -> set.add(String.valueOf(i)));
            return set;
        }
        return value.toString().strip();
    }
}
