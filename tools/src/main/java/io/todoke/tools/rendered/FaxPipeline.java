package io.todoke.tools.rendered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HTML → Debian's headless Chromium → PDF → Ghostscript → CCITT TIFF (→ tiff2pdf for a fax gateway's PDF). Either
 * Ghostscript's own fax devices at the fax resolution, or 300 dpi grey pages degraded by {@link FaxDamage} and
 * encoded with libtiff's ppm2tiff.
 */
public final class FaxPipeline {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String GHOSTSCRIPT = "/usr/bin/gs";

    /** Whether the programs of this pipeline are installed (chromium, gs, libtiff-tools). */
    public static boolean available() {
        return Stream.of(CHROMIUM, GHOSTSCRIPT, "/usr/bin/tiff2pdf", "/usr/bin/ppm2tiff", "/usr/bin/tiffcp",
                "/usr/bin/tiffset")
                .allMatch(p -> Files.isExecutable(Path.of(p)));
    }

    /** Prints html (a file) to pdf with a fresh browser profile, as a user's single print. */
    public static void printToPdf(Path html, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("todoke-chromium");
        try {
            run(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(),
                    html.toAbsolutePath().toUri().toString()), 120);
        } finally {
            deleteTree(profile);
        }
        if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IOException("chromium wrote no PDF for " + html.getFileName());
        }
    }

    /** Ghostscript's fax device (tiffg3 or tiffg4) straight from the PDF. */
    public static void ghostscriptFax(Path pdf, boolean g4, boolean fine, Path tiff) throws IOException {
        run(List.of(GHOSTSCRIPT, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=" + (g4 ? "tiffg4" : "tiffg3"),
                fine ? "-r204x196" : "-r204x98", "-sOutputFile=" + tiff, pdf.toString()), 120);
    }

    /** Grey 300 dpi pages of the PDF, one PNG each, in page order. */
    public static List<Path> ghostscriptGrey(Path pdf, Path dir) throws IOException {
        run(List.of(GHOSTSCRIPT, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray", "-r300",
                "-sOutputFile=" + dir.resolve("grey-%02d.png"), pdf.toString()), 120);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("grey-")).sorted().toList();
        }
    }

    /** 1-bit pages (PBM) to one CCITT TIFF with the fax resolution in its tags. */
    public static void encode(List<Path> pbms, boolean g4, int xdpi, int ydpi, Path tiff) throws IOException {
        List<String> parts = new ArrayList<>(List.of("/usr/bin/tiffcp", "-c", g4 ? "g4" : "g3:2d"));
        for (Path pbm : pbms) {
            Path one = pbm.resolveSibling(pbm.getFileName() + ".tif");
            run(List.of("/usr/bin/ppm2tiff", "-c", g4 ? "g4" : "g3", "-R", String.valueOf(xdpi), pbm.toString(),
                    one.toString()), 60);
            // ppm2tiff takes one resolution; a standard-mode page's lines are twice as tall
            run(List.of("/usr/bin/tiffset", "-s", "283", String.valueOf(ydpi), one.toString()), 60);
            parts.add(one.toString());
        }
        parts.add(tiff.toString());
        run(parts, 60);
    }

    /** The TIFF as a fax gateway delivers it: its CCITT strips wrapped in a PDF. */
    public static void tiffToPdf(Path tiff, Path pdf) throws IOException {
        run(List.of("/usr/bin/tiff2pdf", "-o", pdf.toString(), tiff.toString()), 60);
    }

    static void run(List<String> command, int seconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(Path.of(command.get(0)).getFileName() + " timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(Path.of(command.get(0)).getFileName() + " exited with " + p.exitValue());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
