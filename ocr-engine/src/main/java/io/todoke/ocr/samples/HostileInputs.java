package io.todoke.ocr.samples;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Small files that declare enormous pages (decompression bombs), for the engine's decode limits: each would take
 * gigabytes if its page were rendered or decoded as declared. Made by code so tests make exactly the file they need.
 */
public final class HostileInputs {

    private HostileInputs() {
    }

    /** A text-only PDF of a few hundred bytes whose page is {@code inches} square (rendered at 200 dpi: 40,000² for 200). */
    public static Path hugeTextPdf(Path file, double inches) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            float side = (float) (inches * 72);
            PDPage page = new PDPage(new PDRectangle(side, side));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, side - 72);
                cs.showText("FAX");
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A fax PDF (an A4 page holding one CCITT G4 image, as gateways make them) whose image declares
     * {@code side × side} pixels, with a few hundred bytes of white rows as its data.
     */
    public static Path hugeFaxPdf(Path file, int side) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(whiteG4Rows()),
                    COSName.CCITTFAX_DECODE, side, side, 1, PDDeviceGray.INSTANCE);
            COSDictionary parms = new COSDictionary();
            parms.setInt(COSName.K, -1);
            parms.setInt(COSName.COLUMNS, side);
            parms.setInt(COSName.ROWS, side);
            image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A PDF page with a line of text and, inside a form XObject, an image declaring {@code side × side} pixels: the
     * page is rendered (it has text), and rendering would decode the image at its declared size.
     */
    public static Path hugeImageInForm(Path file, int side) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(whiteG4Rows()),
                    COSName.CCITTFAX_DECODE, side, side, 1, PDDeviceGray.INSTANCE);
            COSDictionary parms = new COSDictionary();
            parms.setInt(COSName.K, -1);
            parms.setInt(COSName.COLUMNS, side);
            image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
            PDFormXObject form = new PDFormXObject(doc);
            form.setBBox(PDRectangle.A4);
            form.setResources(new PDResources());
            try (PDFormContentStream cs = new PDFormContentStream(form)) {
                cs.drawImage(image, 0, 0, 100, 100);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(form);
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("FAX");
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A PDF page with a line of text and an inline image ({@code BI … EI}) declaring {@code side × side} pixels of
     * CCITT G4, its content written by hand (PDFBox's writer would decode the data first).
     */
    public static Path hugeInlineImage(Path file, int side) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDResources resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.write(("q 100 0 0 100 0 0 cm BI /W " + side + " /H " + side + " /BPC 1 /CS /G /F /CCF /DP << /K -1 /Columns "
                    + side + " >> ID ").getBytes(StandardCharsets.US_ASCII));
            content.write(whiteG4Rows());
            content.write(("\nEI Q BT /" + font.getName() + " 12 Tf 72 720 Td (FAX) Tj ET\n").getBytes(StandardCharsets.US_ASCII));
            PDStream stream = new PDStream(doc);
            try (java.io.OutputStream out = stream.createOutputStream()) {
                out.write(content.toByteArray());
            }
            page.setContents(stream);
            doc.save(file.toFile());
        }
        return file;
    }

    /** A PDF page with a line of text and a stamp annotation whose appearance draws an image of {@code side × side}. */
    public static Path hugeImageInAnnotation(Path file, int side) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(whiteG4Rows()),
                    COSName.CCITTFAX_DECODE, side, side, 1, PDDeviceGray.INSTANCE);
            PDAppearanceStream appearance = new PDAppearanceStream(doc);
            appearance.setBBox(new PDRectangle(100, 100));
            appearance.setResources(new PDResources());
            try (PDAppearanceContentStream cs = new PDAppearanceContentStream(appearance)) {
                cs.drawImage(image, 0, 0, 100, 100);
            }
            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setRectangle(new PDRectangle(100, 100, 100, 100));
            PDAppearanceDictionary ap = new PDAppearanceDictionary();
            ap.setNormalAppearance(appearance);
            stamp.setAppearance(ap);
            page.getAnnotations().add(stamp);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void text(PDPageContentStream cs) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 720);
        cs.showText("FAX");
        cs.endText();
    }

    /**
     * A one-page CCITT G4 TIFF declaring {@code width × height} pixels at {@code dpi}, written by hand (the JDK's
     * writer would need the raster): under a kilobyte, with white rows as its strip.
     */
    public static Path ccittTiff(Path file, int width, int height, int dpi) throws IOException {
        byte[] strip = whiteG4Rows();
        int entries = 12;
        int ifd = 8;
        int rationals = ifd + 2 + entries * 12 + 4;
        int data = rationals + 16;
        ByteBuffer b = ByteBuffer.allocate(data + strip.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        entry(b, 256, 4, width);              // ImageWidth, LONG
        entry(b, 257, 4, height);             // ImageLength
        entry(b, 258, 3, 1);                  // BitsPerSample, SHORT
        entry(b, 259, 3, 4);                  // Compression: CCITT T.6 (G4)
        entry(b, 262, 3, 0);                  // Photometric: white is zero
        entry(b, 273, 4, data);               // StripOffsets
        entry(b, 277, 3, 1);                  // SamplesPerPixel
        entry(b, 278, 4, height);             // RowsPerStrip
        entry(b, 279, 4, strip.length);       // StripByteCounts
        entry(b, 282, 5, rationals);          // XResolution, RATIONAL
        entry(b, 283, 5, rationals + 8);      // YResolution
        entry(b, 296, 3, 2);                  // ResolutionUnit: inch
        b.putInt(0);
        b.putInt(dpi).putInt(1).putInt(dpi).putInt(1);
        b.put(strip);
        Files.write(file, b.array());
        return file;
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** G4 codes for white rows under a white reference row: one V0 bit each. */
    private static byte[] whiteG4Rows() {
        byte[] rows = new byte[512];
        Arrays.fill(rows, (byte) 0xFF);
        return rows;
    }

    /** A 1-bit grey PNG declaring {@code side × side} pixels, with its first 64 rows deflated as its data. */
    public static Path hugePng(Path file, int side) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            z.write(new byte[64 * (1 + (side + 7) / 8)]);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A small grey JPEG whose frame header is rewritten to declare {@code side × side} pixels (at most 65,535). */
    public static Path hugeJpeg(Path file, int side) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY), "jpeg", out)) {
            throw new IOException("no JPEG writer");
        }
        byte[] jpeg = out.toByteArray();
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                // SOF0: marker, length (2), precision (1), height (2), width (2)
                jpeg[i + 5] = (byte) (side >> 8);
                jpeg[i + 6] = (byte) side;
                jpeg[i + 7] = (byte) (side >> 8);
                jpeg[i + 8] = (byte) side;
                Files.write(file, jpeg);
                return file;
            }
        }
        throw new IOException("no baseline frame header in the JPEG writer's output");
    }

    /** The cases and the image bombs, under names that say what each declares. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        return List.of(hugeTextPdf(dir.resolve("text-page-200-inch.pdf"), 200),
                ccittTiff(dir.resolve("ccitt-100000-square.tif"), 100_000, 100_000, 204),
                hugeFaxPdf(dir.resolve("fax-page-30000-square.pdf"), 30_000),
                hugeImageInForm(dir.resolve("text-page-form-image-30000-square.pdf"), 30_000),
                hugeInlineImage(dir.resolve("text-page-inline-image-30000-square.pdf"), 30_000),
                hugeImageInAnnotation(dir.resolve("text-page-stamp-image-30000-square.pdf"), 30_000),
                ccittTiff(dir.resolve("ccitt-30000-square.tif"), 30_000, 30_000, 204),
                ccittTiff(dir.resolve("ccitt-8000-square-600dpi.tif"), 8_000, 8_000, 600),
                hugePng(dir.resolve("png-100000-square.png"), 100_000),
                hugeJpeg(dir.resolve("jpeg-65000-square.jpg"), 65_000));
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "target/hostile")).forEach(p -> System.out.println("wrote " + p));
    }
}
