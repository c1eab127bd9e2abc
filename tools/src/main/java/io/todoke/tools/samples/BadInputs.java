package io.todoke.tools.samples;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Files that are not faxes the engine can read, for intake and engine tests: each maker writes one to the given path
 * and returns it. Made by code rather than committed, so a test can make exactly the file it needs.
 */
public final class BadInputs {

    /** The password {@link #encryptedPdf} is locked with. */
    public static final String PASSWORD = "todoke-secret";

    private BadInputs() {
    }

    /** An empty file (a gateway that created the file before it wrote it). */
    public static Path zeroByte(Path file) throws IOException {
        Files.write(file, new byte[0]);
        return file;
    }

    /** A fax PDF cut off two thirds in: header present, pages and cross-reference table missing. */
    public static Path truncatedPdf(Path file) throws IOException {
        byte[] pdf = faxPdf();
        Files.write(file, java.util.Arrays.copyOf(pdf, pdf.length * 2 / 3));
        return file;
    }

    /** A PDF header followed by garbage: no object, no trailer. */
    public static Path corruptPdf(Path file) throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        out.write(noise);
        Files.write(file, out.toByteArray());
        return file;
    }

    /** A genuine fax PDF encrypted with the user password {@link #PASSWORD} (AES-128): cannot be opened without it. */
    public static Path encryptedPdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(faxPdf())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(PASSWORD + "-owner", PASSWORD,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    /** A text file named .pdf (a gateway's error report saved with the wrong extension). */
    public static Path textAsPdf(Path file) throws IOException {
        Files.writeString(file, "FAX受信エラー: 通信が途中で切断されました。\nFax reception failed: line dropped.\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** A PNG image named .tif. */
    public static Path pngAsTif(Path file) throws IOException {
        BufferedImage img = FormPainter.blankPage(FaxMode.STANDARD, 0, g -> { });
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** Every bad input, under the names the committed set uses. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        return List.of(zeroByte(dir.resolve("empty.pdf")), truncatedPdf(dir.resolve("truncated.pdf")),
                corruptPdf(dir.resolve("corrupt.pdf")), encryptedPdf(dir.resolve("encrypted.pdf")),
                textAsPdf(dir.resolve("text-named.pdf")), pngAsTif(dir.resolve("png-named.tif")));
    }

    private static byte[] faxPdf() throws IOException {
        BufferedImage page = FaxImaging.binarise(
                FormPainter.form(FormLayout.canonical(), null, null, new Random(1), FaxMode.STANDARD, 0),
                180, 0, new Random(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FaxWriter.writePdf(List.of(page), FaxMode.STANDARD, FaxWriter.Compression.G4, "bad-input", out);
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/bad");
        writeAll(dir).forEach(p -> System.out.println("wrote " + p));
    }
}
