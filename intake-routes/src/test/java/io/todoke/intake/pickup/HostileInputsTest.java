package io.todoke.intake.pickup;

import io.todoke.intake.storage.FaxFolders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.todoke.intake.FaxFixtures;
import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.TruthFaxReader;
import io.todoke.intake.read.FaxReadingWorker;
import io.todoke.tools.samples.BadInputs;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.FaxState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile and careless inputs, made by code, dropped together into one inbox: each ends recorded
 * once, with a Japanese reason where it failed (in the database and beside it in the error folder), its bytes
 * kept once (archive or error folder, never both), and a good fax dropped after them is still read.
 */
class HostileInputsTest {

    /** How an input ends. */
    enum End { REJECTED, UNREADABLE, READ_FLAGGED, READ }

    private record Kind(End end, Maker maker) {
    }

    @FunctionalInterface
    private interface Maker {
        void make(Path file) throws Exception;
    }

    private static final Random RANDOM = new Random(28);
    private static final java.util.regex.Pattern JAPANESE = java.util.regex.Pattern.compile("[\\u3040-\\u30FF\\u4E00-\\u9FFF]");

    @TempDir
    Path root;

    private static Maker bytes(byte[] content) {
        return file -> Files.write(file, content);
    }

    private static Maker text(String content) {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static Maker good(String id) {
        return bytes(pdf(truth(id, patient("敵対 入力", 41))));
    }

    private static Maker run(String... command) {
        return file -> {
            List<String> c = new ArrayList<>(List.of(command));
            c.add(1, file.toString());
            Process p = new ProcessBuilder(c).inheritIO().start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as(c.toString()).isTrue();
        };
    }

    private static Maker zip() {
        return file -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("fax.pdf"));
                zip.write(pdf(truth("zipped", patient("圧縮", 1))));
            }
            Files.write(file, out.toByteArray());
        };
    }

    private static Maker gzip() {
        return file -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(pdf(truth("gzipped", patient("圧縮", 2))));
            }
            Files.write(file, out.toByteArray());
        };
    }

    private Map<String, Kind> corpus(Path outside) throws Exception {
        Path target = Files.write(outside.resolve("target.pdf"), pdf(truth("link-target", patient("リンク", 5))));
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Map<String, Kind> c = new LinkedHashMap<>();
        // Entries that are not regular files.
        c.put("fifo.pdf", new Kind(End.REJECTED, run("mkfifo")));
        c.put("dev-zero.pdf", new Kind(End.REJECTED, f -> Files.createSymbolicLink(f, Path.of("/dev/zero"))));
        c.put("passwd.pdf", new Kind(End.REJECTED, f -> Files.createSymbolicLink(f, secret)));
        c.put("link-to-fax.pdf", new Kind(End.REJECTED, f -> Files.createSymbolicLink(f, target)));
        c.put("dangling.pdf", new Kind(End.REJECTED, f -> Files.createSymbolicLink(f, outside.resolve("gone"))));
        c.put("folder.pdf", new Kind(End.REJECTED, f -> Files.createDirectories(f.resolve("inner"))));
        c.put("link-to-folder", new Kind(End.REJECTED, f -> Files.createSymbolicLink(f, outside)));
        c.put("null-device.pdf", new Kind(End.REJECTED, run("mknod", "c", "1", "3")));
        // Contents that are no fax (by content, whatever the name says), and sizes.
        c.put("empty.pdf", new Kind(End.REJECTED, BadInputs::zeroByte));
        c.put("text-named.pdf", new Kind(End.REJECTED, BadInputs::textAsPdf));
        c.put("one-byte.pdf", new Kind(End.REJECTED, bytes(new byte[] {'%'})));
        c.put("zeros.pdf", new Kind(End.REJECTED, bytes(new byte[4096])));
        c.put("random.tif", new Kind(End.REJECTED, bytes(random(10_000))));
        c.put("archive.pdf", new Kind(End.REJECTED, zip()));
        c.put("gzip.pdf", new Kind(End.REJECTED, gzip()));
        c.put("program.pdf", new Kind(End.REJECTED, bytes(concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, random(500)))));
        c.put("windows.pdf", new Kind(End.REJECTED, bytes(concat(new byte[] {'M', 'Z'}, random(500)))));
        c.put("office.pdf", new Kind(End.REJECTED, bytes(concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
                random(500)))));
        c.put("page.html", new Kind(End.REJECTED, text("<html><script>alert(1)</script></html>")));
        c.put("utf16.pdf", new Kind(End.REJECTED, bytes("\uFEFF%PDF-1.4".getBytes(StandardCharsets.UTF_16))));
        c.put("script.sh", new Kind(End.REJECTED, text("#!/bin/sh\nrm -rf /\n")));
        c.put("oversized.pdf", new Kind(End.REJECTED, bytes(concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
                new byte[70 * 1024]))));
        // Looks like a fax, cannot be read.
        c.put("truncated.pdf", new Kind(End.UNREADABLE, BadInputs::truncatedPdf));
        c.put("corrupt.pdf", new Kind(End.UNREADABLE, BadInputs::corruptPdf));
        c.put("encrypted.pdf", new Kind(End.UNREADABLE, BadInputs::encryptedPdf));
        c.put("png-named.tif", new Kind(End.UNREADABLE, BadInputs::pngAsTif));
        c.put("header-only.pdf", new Kind(End.UNREADABLE, text("%PDF-")));
        c.put("tiff-junk.tif", new Kind(End.UNREADABLE, bytes(concat(new byte[] {'I', 'I', 42, 0}, random(300)))));
        c.put("tiff-big-endian-junk.tif", new Kind(End.UNREADABLE, bytes(concat(new byte[] {'M', 'M', 0, 42}, random(300)))));
        c.put("png-junk.png", new Kind(End.UNREADABLE, bytes(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                random(300)))));
        c.put("jpeg-junk.jpg", new Kind(End.UNREADABLE, bytes(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, random(300)))));
        c.put("pdf-then-garbage.pdf", new Kind(End.UNREADABLE, bytes(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                random(2000)))));
        // Readable, but carrying what a fax never carries: read, flagged, never auto-confirmed.
        c.put("javascript.pdf", new Kind(End.READ_FLAGGED, bytes(FaxFixtures.activePdf(truth("h-js", patient("甲", 1)), true, false, false))));
        c.put("embedded-exe.pdf", new Kind(End.READ_FLAGGED, bytes(FaxFixtures.activePdf(truth("h-ef", patient("乙", 2)), false, true, false))));
        c.put("launch.pdf", new Kind(End.READ_FLAGGED, bytes(FaxFixtures.activePdf(truth("h-la", patient("丙", 3)), false, false, true))));
        c.put("all-active.pdf", new Kind(End.READ_FLAGGED, bytes(FaxFixtures.activePdf(truth("h-all", patient("丁", 4)), true, true, true))));
        // Names of every length and character: the name is data.
        c.put("発".repeat(81) + ".pdf", new Kind(End.READ, good("long-japanese")));
        c.put("x".repeat(251) + ".pdf", new Kind(End.READ, good("long-ascii")));
        c.put("line\nbreak.pdf", new Kind(End.READ, good("newline")));
        c.put("escape\u001B[31mred\r.pdf", new Kind(End.READ, good("escape")));
        c.put(".dot-file.pdf", new Kind(End.READ, good("dot")));
        c.put("...", new Kind(End.READ, good("dots")));
        c.put("-rf.pdf", new Kind(End.READ, good("dash")));
        c.put("tab\tand space .pdf", new Kind(End.READ, good("tab")));
        c.put("back\\slash.pdf", new Kind(End.READ, good("backslash")));
        c.put("絵文字😀.pdf", new Kind(End.READ, good("emoji")));
        c.put("no-extension", new Kind(End.READ, good("no-extension")));
        return c;
    }

    @Test
    void everyHostileInputEndsRecordedOnceWithAJapaneseReasonItsBytesKeptOnceAndIntakeGoesOn() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        try (PickupHarness h = new PickupHarness(root.resolve("intake"), Map.of(
                "todoke.intake.stability.min-age", "0s", "todoke.intake.max-file-size", "64KB"))) {
            Map<String, Kind> corpus = corpus(outside);
            assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
            for (Map.Entry<String, Kind> input : corpus.entrySet()) {
                input.getValue().maker().make(h.inbox().resolve(input.getKey()));
            }
            // The same fax twice under two names, and a file re-sent under its own name after it was taken.
            byte[] twice = pdf(truth("twice", patient("二重", 9)));
            Files.write(h.inbox().resolve("twice-a.pdf"), twice);
            Files.write(h.inbox().resolve("twice-b.pdf"), twice);

            FaxReadingWorker worker = new FaxReadingWorker(h.faxes, new FaxLeases(h.jdbc), new FaxFolders(h.properties),
                    new TruthFaxReader(), new IntakeMetrics(new SimpleMeterRegistry()), h.instance,
                    Duration.ofSeconds(30), true, 1);
            h.poll();
            Files.write(h.inbox().resolve("twice-a.pdf"), twice);
            h.poll();
            for (UUID fax : List.copyOf(h.toRead)) {
                worker.read(fax);
            }

            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Kind> input : corpus.entrySet()) {
                String problem = check(h, input.getKey(), input.getValue().end());
                if (problem != null) {
                    problems.add(ReceivedName.printable(input.getKey()) + ": " + problem);
                }
            }
            assertThat(problems).isEmpty();
            assertThat(h.all()).filteredOn(f -> f.fileName().startsWith("twice-")).extracting(FaxDocument::state)
                    .containsExactlyInAnyOrder(FaxState.READ, FaxState.DUPLICATE, FaxState.DUPLICATE);
            assertThat(h.faxes.stuck(java.time.Instant.now().plusSeconds(1), 100)).as("nothing left waiting").isEmpty();
            assertThat(Files.readString(outside.resolve("passwd"))).startsWith("root:");

            // Intake goes on.
            Files.write(h.inbox().resolve("after.pdf"), pdf(truth("after", patient("後続", 50))));
            h.toRead.clear();
            h.poll();
            worker.read(h.toRead.get(0));
            assertThat(h.only("after.pdf").state()).isEqualTo(FaxState.READ);
            System.out.printf("HOSTILE INPUTS: %d kinds, each recorded once with its outcome%n", corpus.size() + 2);
        }
    }

    private static String check(PickupHarness h, String name, End end) throws Exception {
        List<FaxDocument> records = h.all().stream().filter(f -> f.fileName().equals(name)).toList();
        if (records.size() != 1) {
            return records.size() + " records";
        }
        FaxDocument fax = records.get(0);
        boolean archived = fax.archivePath() != null && Files.exists(h.archive().resolve(fax.archivePath()),
                LinkOption.NOFOLLOW_LINKS);
        boolean inError = fax.errorPath() != null && Files.exists(h.error().resolve(fax.errorPath()),
                LinkOption.NOFOLLOW_LINKS);
        switch (end) {
            case READ, READ_FLAGGED -> {
                if (fax.state() != FaxState.READ || !archived || inError) {
                    return "expected read and archived: " + fax.state() + " " + fax.error();
                }
                if ((end == End.READ_FLAGGED) != (fax.warning() != null)) {
                    return "flag: " + fax.warning();
                }
                return null;
            }
            default -> {
                if (fax.state() != FaxState.FAILED || fax.error() == null || !JAPANESE.matcher(fax.error()).find()
                        || fax.error().matches("(?s).*(Exception|java\\.|Error:).*")) {
                    return "expected failed with a Japanese reason: " + fax.state() + " " + fax.error();
                }
                if (archived == inError || (end == End.REJECTED) != inError) {
                    return "kept once where expected: archived " + archived + ", error folder " + inError;
                }
                Path reason = h.error().resolve(fax.errorPath() + ".reason.txt");
                String text = Files.readString(reason);
                if (!text.startsWith("受信フォルダ「fax」のファイル「" + ReceivedName.printable(name) + "」: ")) {
                    return "reason file: " + text;
                }
                return null;
            }
        }
    }
}
