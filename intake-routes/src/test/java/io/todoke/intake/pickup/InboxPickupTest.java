package io.todoke.intake.pickup;

import io.todoke.intake.storage.FaxFolders;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.todoke.intake.claim.ClaimKeeper;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.InboxClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

/** The pickup against entries no inbox should hold, names no file system likes, and gateways that pause. */
class InboxPickupTest {

    @TempDir
    Path root;

    private PickupHarness h;

    private PickupHarness harness(Map<String, String> settings) {
        h = new PickupHarness(root, settings);
        return h;
    }

    private PickupHarness harness() {
        return harness(Map.of());
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }

    private static byte[] fax(String id) {
        return pdf(truth(id, patient("患者", 40)));
    }

    private List<Path> errorFiles() throws IOException {
        try (Stream<Path> files = Files.list(h.error())) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".reason.txt")).toList();
        }
    }

    private String reasonOf(FaxDocument fax) throws IOException {
        return Files.readString(h.error().resolve(fax.errorPath() + ".reason.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void aFifoIsRejectedWithoutBeingOpenedAndTheFaxesBesideItAreTaken() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        run("mkfifo", h.inbox().resolve("pipe.pdf").toString());
        Files.write(h.inbox().resolve("good.pdf"), fax("beside-fifo"));

        h.poll();

        FaxDocument pipe = h.only("pipe.pdf");
        assertThat(pipe.state()).isEqualTo(FaxState.FAILED);
        assertThat(pipe.error()).startsWith("特殊ファイル");
        assertThat(pipe.sha256()).isNull();
        Path moved = h.error().resolve(pipe.errorPath());
        assertThat(Files.readAttributes(moved, java.nio.file.attribute.BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).isOther()).as("the FIFO itself, moved").isTrue();
        assertThat(reasonOf(pipe)).contains("「pipe.pdf」").contains("通常のファイルだけを受け付けます");
        assertThat(h.only("good.pdf").state()).isEqualTo(FaxState.RECEIVED);
        assertThat(h.toRead).hasSize(1);
    }

    @Test
    void symlinksAreMovedAsLinksAndWhatTheyPointToIsNeverRead() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Path secret = Files.writeString(root.resolve("secret.txt"), "not for the archive");
        Path realFax = Files.write(root.resolve("real.pdf"), fax("linked"));
        Files.createSymbolicLink(h.inbox().resolve("zero.pdf"), Path.of("/dev/zero"));
        Files.createSymbolicLink(h.inbox().resolve("passwd.pdf"), secret);
        Files.createSymbolicLink(h.inbox().resolve("linked.pdf"), realFax);

        h.poll();

        for (String name : List.of("zero.pdf", "passwd.pdf", "linked.pdf")) {
            FaxDocument fax = h.only(name);
            assertThat(fax.state()).as(name).isEqualTo(FaxState.FAILED);
            assertThat(fax.error()).startsWith("シンボリックリンクです");
            assertThat(fax.archivePath()).isNull();
            assertThat(Files.isSymbolicLink(h.error().resolve(fax.errorPath()))).as(name + " moved as a link").isTrue();
        }
        assertThat(h.archive()).doesNotExist();
        assertThat(secret).hasContent("not for the archive");
        assertThat(h.toRead).isEmpty();
    }

    @Test
    void aFolderAndADeviceInTheInboxAreRejected() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.createDirectories(h.inbox().resolve("sub.pdf").resolve("inner"));
        run("mknod", h.inbox().resolve("null.pdf").toString(), "c", "1", "3");

        h.poll();

        assertThat(h.only("sub.pdf").error()).startsWith("フォルダです");
        assertThat(h.only("null.pdf").error()).startsWith("特殊ファイル");
        try (Stream<Path> left = Files.list(h.inbox())) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(InboxScanner.CLAIMED_DIR::equals);
        }
    }

    @Test
    void anEntryThatCannotBeMovedIsRecordedOnceLoggedOnceAndLeftAlone() throws Exception {
        // The error "folder" is a file: nothing can be moved there.
        Files.writeString(root.resolve("error"), "in the way");
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.createSymbolicLink(h.inbox().resolve("stuck.pdf"), Path.of("/dev/zero"));
        Logger log = (Logger) LoggerFactory.getLogger(FaxPickup.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            for (int i = 0; i < 5; i++) {
                h.poll();
            }
        } finally {
            log.detachAppender(lines);
        }

        assertThat(h.only("stuck.pdf").state()).isEqualTo(FaxState.FAILED);
        assertThat(Files.isSymbolicLink(h.inbox().resolve("stuck.pdf"))).isTrue();
        assertThat(h.claims.troubled(10)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(InboxClaims.State.SKIPPED);
            assertThat(c.lastError()).contains("移動できないため受信フォルダに残しています");
        });
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage()).doesNotContain("stuck.pdf");
    }

    @Test
    void aNameOfAnyLengthAndAnyCharactersIsDataNotAPath() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        String longName = "発".repeat(81) + ".pdf";
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(243);
        String forged = "a.pdf\n2026-01-01 INFO forged line";
        byte[] content = fax("long-name");
        Files.write(h.inbox().resolve(longName), content);
        Files.write(h.inbox().resolve(forged), "not a fax".getBytes(StandardCharsets.UTF_8));

        h.poll();

        FaxDocument longOne = h.only(longName);
        assertThat(longOne.state()).isEqualTo(FaxState.RECEIVED);
        assertThat(longOne.archivedAt()).isNotNull();
        Path archived = h.archive().resolve(longOne.archivePath());
        assertThat(archived).hasBinaryContent(content);
        assertThat(archived.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        FaxDocument forgedOne = h.only(forged);
        assertThat(forgedOne.errorPath()).doesNotContain("\n").startsWith(forgedOne.id().toString());
        assertThat(reasonOf(forgedOne)).contains("a.pdf\\u000A2026-01-01 INFO forged line")
                .hasLineCount(1);
    }

    @Test
    void aDotFileIsTakenLikeAnyFile() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.write(h.inbox().resolve(".hidden.pdf"), fax("dot"));

        h.poll();

        assertThat(h.only(".hidden.pdf").state()).isEqualTo(FaxState.RECEIVED);
        assertThat(h.archive().resolve(h.only(".hidden.pdf").archivePath()).getFileName().toString())
                .doesNotStartWith(".");
    }

    @Test
    void aWriterThatPausesLongerThanTwoSecondsIsWaitedFor() throws Exception {
        harness();
        byte[] content = fax("paused-writer");
        Path file = h.inbox().resolve("slow.pdf");
        Files.write(file, Arrays.copyOf(content, 12_288 % content.length));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-05T00:59:00Z")));
        h.poll();
        h.now = h.now.plusSeconds(5);
        h.poll();
        assertThat(h.all()).as("5 s of silence is not enough").isEmpty();

        Files.write(file, Arrays.copyOfRange(content, 12_288 % content.length, content.length),
                StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-05T00:59:30Z")));
        h.now = h.now.plusSeconds(1);
        h.poll();
        h.now = h.now.plusSeconds(9);
        h.poll();
        assertThat(h.all()).as("still inside the window after the last change").isEmpty();
        h.now = h.now.plusSeconds(1);
        h.poll();

        assertThat(h.only("slow.pdf").sizeBytes()).isEqualTo(content.length);
    }

    @Test
    void withADoneMarkerAFileIsTakenOnlyOnceTheMarkerIsThere() throws Exception {
        harness(Map.of("todoke.intake.stability.done-marker", ".done"));
        Files.write(h.inbox().resolve("marked.pdf"), fax("marked"));
        h.pollSettled();
        h.now = h.now.plusSeconds(3600);
        h.poll();
        assertThat(h.all()).isEmpty();

        Files.createFile(h.inbox().resolve("marked.pdf.done"));
        h.poll();

        assertThat(h.only("marked.pdf").state()).isEqualTo(FaxState.RECEIVED);
        assertThat(h.inbox().resolve("marked.pdf.done")).doesNotExist();
    }

    @Test
    void theSameFileSentAgainIsRecordedAsADuplicateReceiptNotDeletedSilently() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        byte[] content = fax("resent");
        Files.write(h.inbox().resolve("resent.pdf"), content);
        h.poll();
        Files.write(h.inbox().resolve("resent.pdf"), content);
        h.poll();

        List<FaxDocument> both = h.all().stream().filter(f -> f.fileName().equals("resent.pdf")).toList();
        assertThat(both).hasSize(2);
        assertThat(both).extracting(FaxDocument::state).containsExactlyInAnyOrder(FaxState.RECEIVED,
                FaxState.DUPLICATE);
        assertThat(both).allSatisfy(f -> assertThat(h.archive().resolve(f.archivePath())).hasBinaryContent(content));
    }

    @Test
    void aRejectedFileIsStoredOnceInTheErrorFolderWithAJapaneseReasonNamingItAsReceived() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.writeString(h.inbox().resolve("報告.pdf"), "FAX受信エラー", StandardCharsets.UTF_8);

        h.poll();

        FaxDocument fax = h.only("報告.pdf");
        assertThat(fax.error()).isEqualTo(FaxPickup.NOT_A_FAX_REASON);
        assertThat(errorFiles()).singleElement().satisfies(p -> assertThat(p).hasContent("FAX受信エラー"));
        assertThat(h.archive()).doesNotExist();
        assertThat(reasonOf(fax)).startsWith("受信フォルダ「fax」のファイル「報告.pdf」: ")
                .doesNotContain(fax.id().toString()).doesNotContain("Exception");
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedWithoutBeingRead() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s", "todoke.intake.max-file-size", "1KB"));
        Files.write(h.inbox().resolve("big.pdf"), new byte[5000]);

        h.poll();

        assertThat(h.only("big.pdf").error()).isEqualTo(FaxPickup.tooLargeReason(1024));
        assertThat(errorFiles()).singleElement().satisfies(p -> assertThat(Files.size(p)).isEqualTo(5000));
    }

    @Test
    void partialCopiesLeftByACrashAreRemovedAtStart() throws Exception {
        harness();
        Path work = Files.createDirectories(root.resolve("work"));
        Path left = Files.write(work.resolve("partial-123.tmp"), new byte[10]);
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = Files.write(work.resolve("partial-456.tmp"), new byte[10]);

        assertThat(new FaxFolders(h.properties).cleanWork()).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void aRepeatedPickupFailureEndsAfterTheConfiguredTriesWithOneLineAndARecord() throws Exception {
        // The archive "folder" is a file: every try to archive fails.
        Files.writeString(root.resolve("archive"), "in the way");
        harness(Map.of("todoke.intake.stability.min-age", "0s", "todoke.intake.claims.pickup-attempts", "3"));
        Files.write(h.inbox().resolve("never.pdf"), fax("never"));
        ClaimKeeper keeper = new ClaimKeeper(h.instance, new FaxLeases(h.jdbc), h.claims, h.scanner, null,
                h.properties.inboxes());
        Logger log = (Logger) LoggerFactory.getLogger(InboxScanner.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            h.poll();
            for (int i = 0; i < 20; i++) {
                Thread.sleep(5);
                keeper.takeOverInboxClaims();
                h.poll();
            }
        } finally {
            log.detachAppender(lines);
        }

        assertThat(h.claims.troubled(10)).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(InboxClaims.State.SKIPPED);
            assertThat(c.attempts()).isEqualTo(3);
        });
        assertThat(h.all()).filteredOn(f -> f.state() == FaxState.FAILED).singleElement()
                .satisfies(f -> assertThat(f.error()).startsWith("受け付けできませんでした（3回試みました）"));
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void aPdfWithJavaScriptEmbeddedFilesOrLaunchActionsIsFlaggedOnTheFaxAndItsCases() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.write(h.inbox().resolve("js.pdf"), io.todoke.intake.FaxFixtures.activePdf(
                truth("active-js", patient("能動 太郎", 30)), true, false, false));
        Files.write(h.inbox().resolve("all.pdf"), io.todoke.intake.FaxFixtures.activePdf(
                truth("active-all", patient("能動 花子", 31)), true, true, true));
        Files.write(h.inbox().resolve("plain.pdf"), fax("plain"));

        h.poll();

        assertThat(h.only("js.pdf").warning()).contains("JavaScript").doesNotContain("埋め込み");
        assertThat(h.only("all.pdf").warning()).contains("JavaScript", "埋め込みファイル", "Launch");
        assertThat(h.only("plain.pdf").warning()).isNull();
        FaxDocument flagged = h.only("all.pdf");
        var reading = new io.todoke.intake.TruthFaxReader().read(h.archive().resolve(flagged.archivePath()));
        List<java.util.UUID> cases = h.faxes.markRead(flagged.id(), reading, true);
        assertThat(cases).hasSize(1);
        String reasons = h.jdbc.sql("select review_reasons from notification_case where id = ?").param(cases.get(0))
                .query(String.class).single();
        String state = h.jdbc.sql("select state from notification_case where id = ?").param(cases.get(0))
                .query(String.class).single();
        assertThat(reasons).contains("JavaScript");
        assertThat(state).as("a flagged fax never skips review").isEqualTo("AWAITING_REVIEW");
    }

    @Test
    void aFaxNotReadAWhileAfterItArrivedIsListedAsStuck() throws Exception {
        harness(Map.of("todoke.intake.stability.min-age", "0s"));
        Files.write(h.inbox().resolve("waits.pdf"), fax("waits"));
        h.poll();

        assertThat(h.faxes.stuck(Instant.now().plusSeconds(1), 10)).extracting(FaxDocument::fileName)
                .containsExactly("waits.pdf");
        assertThat(h.faxes.stuck(Instant.now().minusSeconds(600), 10)).isEmpty();
    }
}
