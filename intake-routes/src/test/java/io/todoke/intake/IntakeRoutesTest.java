package io.todoke.intake;

import static io.todoke.intake.Waits.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.todoke.intake.ops.FaxRetryService;
import io.todoke.intake.ops.InboxHealthIndicator;
import io.todoke.intake.pickup.FaxPickup;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static io.todoke.intake.FaxFixtures.drop;
import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

/** The intake on real folders and a real H2 file database, with {@link TruthFaxReader} as the engine. */
@CamelSpringBootTest
@SpringBootTest(classes = TestIntakeApplication.class, properties = {
        "todoke.intake.workers=2",
        "todoke.intake.queue-capacity=20",
        "todoke.intake.read-timeout=3s",
        "todoke.intake.poll-delay=100ms",
        "todoke.intake.stability.min-age=500ms",
        "management.health.defaults.enabled=false",
        // No search cluster here: the outbox is exercised in case-store and in RealEngineIntakeTest.
        "search.elasticsearch.enabled=false",
})
class IntakeRoutesTest {

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
    }

    @Autowired
    FaxStore faxes;
    @Autowired
    CaseStore cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FaxRetryService retry;
    @Autowired
    InboxHealthIndicator inboxHealth;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CamelContext camel;
    @Autowired
    IntakeProperties properties;

    private Path inbox() {
        return root.resolve("inbox");
    }

    private Optional<FaxDocument> fax(String fileName) {
        return faxes.all().stream().filter(f -> f.fileName().equals(fileName)).findFirst();
    }

    private FaxDocument settled(String fileName) {
        await(() -> fax(fileName).filter(f -> f.state() != FaxState.RECEIVED).isPresent(), Duration.ofSeconds(30),
                fileName + " settled");
        return fax(fileName).orElseThrow();
    }

    private FaxDocument withErrorCopy(String fileName) {
        settled(fileName);
        await(() -> fax(fileName).orElseThrow().errorPath() != null, Duration.ofSeconds(10), fileName + " error copy");
        return fax(fileName).orElseThrow();
    }


    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path errorFile(FaxDocument fax) {
        return root.resolve("error").resolve(fax.errorPath());
    }

    @Test
    void routesHaveTheirIds() {
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("pickup-fax", "ocr");
    }

    @Test
    void aBurstOf500FaxesIsDrainedWithEveryOneAccountedFor() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            contents.add(pdf(truth("burst-" + i, patient("患者" + i, 20 + i % 70))));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            drop(inbox(), String.format("burst-%03d.pdf", i), contents.get(i));
        }
        BooleanSupplier allRead = () -> jdbc.sql("select count(*) from fax_document where file_name like 'burst-%' "
                + "and state = 'READ'").query(Long.class).single() == 500;
        await(allRead, Duration.ofSeconds(120), "500 faxes read");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BURST: 500 faxes drained in %.1f s = %.1f faxes/s (2 workers, H2 file database)%n",
                seconds, 500 / seconds);

        List<Map<String, Object>> perName = jdbc.sql("select file_name, count(*) n from fax_document "
                + "where file_name like 'burst-%' group by file_name").query().listOfRows();
        assertThat(perName).hasSize(500).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isOne());
        assertThat(jdbc.sql("select count(*) from notification_case c join fax_document f on f.id = c.fax_id "
                + "where f.file_name like 'burst-%'").query(Long.class).single()).isEqualTo(500);
        try (Stream<Path> left = Files.list(inbox())) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("burst-"))).isEmpty();
        }
        FaxDocument one = fax("burst-123.pdf").orElseThrow();
        Path archived = root.resolve("archive").resolve(one.archivePath());
        assertThat(archived).hasBinaryContent(contents.get(123));
        assertThat(one.archivePath()).matches("\\d{4}/\\d{2}/\\d{2}/" + one.id() + "-burst-123\\.pdf");
        assertThat(meters.get("todoke.intake.faxes.received").tag("outcome", "new").counter().count())
                .isGreaterThanOrEqualTo(500);
        assertThat(meters.get("todoke.intake.pages.read").counter().count()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void aFaxIsReadIntoCasesAndAutoConfirmedWhenEveryFieldIsOk() {
        drop(inbox(), "two-forms.pdf", pdf(truth("two-forms", patient("山田 太郎", 70), patient("佐藤 花子", 30))));
        FaxDocument fax = settled("two-forms.pdf");

        assertThat(fax.state()).isEqualTo(FaxState.READ);
        assertThat(fax.pageCount()).isEqualTo(2);
        List<NotificationCase> read = cases.byFax(fax.id());
        assertThat(read).hasSize(2).allSatisfy(c -> {
            assertThat(c.state()).isIn(CaseState.AUTO_CONFIRMED, CaseState.INDEXED);
            assertThat(c.ward()).isEqualTo("中央区");
        });
        assertThat(read).extracting(NotificationCase::priority).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void theSameContentAgainIsADuplicateAndIsNotReadAgain() {
        byte[] content = pdf(truth("dup", patient("鈴木 一郎", 40)));
        drop(inbox(), "first.pdf", content);
        FaxDocument first = settled("first.pdf");
        drop(inbox(), "again.pdf", content);
        FaxDocument again = settled("again.pdf");

        assertThat(again.state()).isEqualTo(FaxState.DUPLICATE);
        assertThat(again.duplicateOf()).isEqualTo(first.id());
        assertThat(cases.byFax(again.id())).isEmpty();
        assertThat(cases.byFax(first.id())).hasSize(1);
        await(() -> Files.exists(root.resolve("archive").resolve(fax("again.pdf").orElseThrow().archivePath())),
                Duration.ofSeconds(5), "duplicate archived");
        await(() -> !Files.exists(inbox().resolve("again.pdf")), Duration.ofSeconds(5), "duplicate left the inbox");
    }

    @Test
    void aZeroByteFileGoesToTheErrorFolderWithItsReason() {
        drop(inbox(), "empty.pdf", new byte[0]);
        FaxDocument fax = withErrorCopy("empty.pdf");

        assertThat(fax.state()).isEqualTo(FaxState.FAILED);
        assertThat(fax.error()).isEqualTo(FaxPickup.EMPTY_REASON);
        assertThat(errorFile(fax)).exists().isEmptyFile();
        assertThat(read(Path.of(errorFile(fax) + ".reason.txt")))
                .isEqualTo("受信フォルダ「fax」のファイル「empty.pdf」: " + FaxPickup.EMPTY_REASON);
        await(() -> !Files.exists(inbox().resolve("empty.pdf")), Duration.ofSeconds(5), "left the inbox");
    }

    @Test
    void aTextFileNamedPdfIsRejectedByItsContent() {
        byte[] text = "This is not a fax.\n".getBytes(StandardCharsets.UTF_8);
        drop(inbox(), "notes.pdf", text);
        FaxDocument fax = withErrorCopy("notes.pdf");

        assertThat(fax.state()).isEqualTo(FaxState.FAILED);
        assertThat(fax.error()).isEqualTo(FaxPickup.NOT_A_FAX_REASON);
        assertThat(fax.archivePath()).isNull();
        assertThat(errorFile(fax)).hasBinaryContent(text);
        assertThat(read(Path.of(errorFile(fax) + ".reason.txt")))
                .isEqualTo("受信フォルダ「fax」のファイル「notes.pdf」: " + FaxPickup.NOT_A_FAX_REASON);
    }

    @Test
    void aCorruptPdfFailsWithAReasonAndIsKeptOnceInTheArchiveWithItsReasonInTheErrorFolder() {
        byte[] corrupt = FaxFixtures.corruptPdf(truth("corrupt", patient("X", 1)));
        drop(inbox(), "corrupt.pdf", corrupt);
        FaxDocument fax = settled("corrupt.pdf");

        assertThat(fax.state()).isEqualTo(FaxState.FAILED);
        assertThat(fax.error()).isEqualTo("ファイルが壊れています");
        assertThat(root.resolve("archive").resolve(fax.archivePath())).hasBinaryContent(corrupt);
        await(() -> fax("corrupt.pdf").orElseThrow().errorPath() != null, Duration.ofSeconds(5), "error reason");
        FaxDocument failed = fax("corrupt.pdf").orElseThrow();
        assertThat(errorFile(failed)).as("not stored twice").doesNotExist();
        assertThat(read(Path.of(errorFile(failed) + ".reason.txt")))
                .startsWith("受信フォルダ「fax」のファイル「corrupt.pdf」: ファイルが壊れています")
                .contains(fax.archivePath());
        assertThat(faxes.failed(100)).extracting(FaxDocument::id).contains(fax.id());
    }

    @Test
    void anEncryptedPdfFailsWithAReason() {
        drop(inbox(), "locked.pdf", FaxFixtures.encryptedPdf(truth("locked", patient("X", 1))));
        FaxDocument fax = settled("locked.pdf");

        assertThat(fax.state()).isEqualTo(FaxState.FAILED);
        assertThat(fax.error()).startsWith("暗号化（パスワード保護）されています");
    }

    @Test
    void aHungReadFailsAtTheTimeLimitWhileOtherFaxesAreRead() {
        drop(inbox(), "hangs.pdf", pdf(truth("hangs", patient("X", 1)).put("hang", true)));
        drop(inbox(), "crashes.pdf", pdf(truth("crashes", patient("Y", 1)).put("crash", true)));
        for (int i = 0; i < 5; i++) {
            drop(inbox(), "beside-" + i + ".pdf", pdf(truth("beside-" + i, patient("Z", 2))));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(settled("beside-" + i + ".pdf").state()).isEqualTo(FaxState.READ);
        }
        FaxDocument hung = settled("hangs.pdf");
        assertThat(hung.state()).isEqualTo(FaxState.FAILED);
        assertThat(hung.error()).isEqualTo("読み取りが制限時間（3秒）内に終わりませんでした");
        FaxDocument crashed = settled("crashes.pdf");
        assertThat(crashed.state()).isEqualTo(FaxState.FAILED);
        assertThat(crashed.error()).startsWith("読み取り中に予期しないエラーが発生しました").doesNotContain("Error:");
        assertThat(meters.get("todoke.intake.errors").tag("kind", "timeout").counter().count()).isPositive();
    }

    @Test
    void aPartiallyWrittenFileIsNotTakenUntilItStopsChanging() throws Exception {
        byte[] content = pdf(truth("slow-writer", patient("遅い 書込", 50)));
        Path file = inbox().resolve("slow.pdf");
        int half = content.length / 2;
        Files.write(file, java.util.Arrays.copyOf(content, half));
        // The gateway keeps writing for well over the minimum age, a little at a time.
        int written = half;
        while (written < content.length) {
            Thread.sleep(150);
            int next = Math.min(content.length, written + Math.max(1, (content.length - half) / 10));
            Files.write(file, java.util.Arrays.copyOfRange(content, written, next),
                    java.nio.file.StandardOpenOption.APPEND);
            written = next;
            assertThat(fax("slow.pdf")).as("taken while still being written").isEmpty();
        }
        FaxDocument fax = settled("slow.pdf");
        assertThat(fax.state()).isEqualTo(FaxState.READ);
        assertThat(fax.sizeBytes()).isEqualTo(content.length);
    }

    @Test
    void anOperatorCanSendAFailedFaxBackForAnotherTry() {
        drop(inbox(), "flaky.pdf", pdf(truth("flaky", patient("再試行", 33)).put("failOnce", true)));
        FaxDocument failed = settled("flaky.pdf");
        assertThat(failed.state()).isEqualTo(FaxState.FAILED);
        await(() -> fax("flaky.pdf").orElseThrow().errorPath() != null, Duration.ofSeconds(5), "error reason");
        Path reason = Path.of(errorFile(fax("flaky.pdf").orElseThrow()) + ".reason.txt");
        assertThat(reason).exists();

        retry.retry(failed.id());

        FaxDocument again = settled("flaky.pdf");
        assertThat(again.id()).isEqualTo(failed.id());
        assertThat(again.state()).isEqualTo(FaxState.READ);
        assertThat(cases.byFax(again.id())).hasSize(1);
        assertThat(reason).doesNotExist();
    }

    @Test
    void aRetryReadsTheReplacementTheOperatorPutInTheErrorFolderNotTheArchivedOriginal() throws Exception {
        byte[] broken = "%PDF-1.4\nbroken on the line\n".getBytes(StandardCharsets.US_ASCII);
        drop(inbox(), "broken.pdf", broken);
        settled("broken.pdf");
        await(() -> fax("broken.pdf").orElseThrow().errorPath() != null, Duration.ofSeconds(5), "error reason");
        FaxDocument failed = fax("broken.pdf").orElseThrow();
        Files.write(errorFile(failed), pdf(truth("broken-replaced", patient("差替 太郎", 52))));

        retry.retry(failed.id());

        FaxDocument again = settled("broken.pdf");
        assertThat(again.id()).isEqualTo(failed.id());
        assertThat(again.state()).isEqualTo(FaxState.READ);
        assertThat(cases.byFax(again.id())).hasSize(1);
        assertThat(root.resolve("archive").resolve(failed.archivePath())).as("the first original stays")
                .hasBinaryContent(broken);
        assertThat(again.archivePath()).isNotEqualTo(failed.archivePath());
    }

    @Test
    void aRejectedFileReplacedByTheOperatorIsTakenAgainUnderItsRecord() throws Exception {
        drop(inbox(), "replaced.pdf", new byte[0]);
        FaxDocument rejected = withErrorCopy("replaced.pdf");
        assertThat(rejected.state()).isEqualTo(FaxState.FAILED);
        Files.write(errorFile(rejected), pdf(truth("replaced", patient("差替", 45))));

        retry.retry(rejected.id());

        FaxDocument again = settled("replaced.pdf");
        assertThat(again.id()).isEqualTo(rejected.id());
        assertThat(again.state()).isEqualTo(FaxState.READ);
        assertThat(faxes.all()).filteredOn(f -> f.fileName().equals("replaced.pdf")).hasSize(1);
    }

    @Test
    void inboxHealthIsUpAndNamesTheFolders() {
        var health = inboxHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("inbox.fax", "archive", "error");
        assertThat(properties.effectiveWorkers()).isEqualTo(2);
        assertThat(meters.find("todoke.intake.queue.depth").gauge()).isNotNull();
    }
}
