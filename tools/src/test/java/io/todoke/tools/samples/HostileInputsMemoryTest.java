package io.todoke.tools.samples;

import io.todoke.ocr.cli.TodokeCli;
import io.todoke.ocr.fixtures.HostileInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's command line in a child JVM with a 512 MB heap over files made to exhaust memory: each gets its one-line
 * reason and the process's peak resident memory (VmHWM, which counts native memory the heap limit does not) stays
 * under {@link #PEAK_RSS_BOUND_KB}. Before the decode limits, the first of these files took 5 GB.
 */
class HostileInputsMemoryTest {

    /** 1 GiB: a 512 MB heap, OpenCV and the JVM's own memory, with room to spare; a decoded bomb needs gigabytes. */
    static final long PEAK_RSS_BOUND_KB = 1024 * 1024;

    @Test
    void everyHostileFileGetsItsReasonAndPeakMemoryStaysBounded(@TempDir Path dir) throws Exception {
        Map<Path, String> expected = new LinkedHashMap<>();
        HostileInputs.writeAll(dir.resolve("hostile")).forEach(p -> expected.put(p, "page_too_large"));
        expected.put(BadInputs.zeroByte(dir.resolve("empty.pdf")), "empty");
        expected.put(BadInputs.truncatedPdf(dir.resolve("truncated.pdf")), "corrupt");
        expected.put(BadInputs.encryptedPdf(dir.resolve("encrypted.pdf")), "encrypted");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PeakRss.class.getName(), "extract",
                "--templates", Path.of("../config/forms").toString()));
        expected.keySet().forEach(p -> command.add(p.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process child = pb.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished (a guard, not a timing)").isTrue();

        String err = Files.readString(dir.resolve("err.txt"));
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(child.exitValue()).as(err).isEqualTo(2);
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            assertThat(err.lines().filter(l -> l.startsWith(e.getKey() + ": unreadable (" + e.getValue() + "): ")))
                    .as("reason for %s in %s", e.getKey().getFileName(), err).hasSize(1);
        }
        long peakKb = out.lines().filter(l -> l.startsWith("VmHWM:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
        System.out.println("hostile inputs: child peak RSS " + peakKb / 1024 + " MB");
        assertThat(peakKb).isLessThan(PEAK_RSS_BOUND_KB);
    }

    /** The command line, then the process's peak resident memory from /proc/self/status on standard output. */
    public static final class PeakRss {

        public static void main(String[] args) throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            int exit = TodokeCli.run(args, new PrintStream(PrintStream.nullOutputStream()),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8));
            Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:")).forEach(out::println);
            System.exit(exit);
        }
    }
}
