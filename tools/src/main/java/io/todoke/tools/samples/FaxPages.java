package io.todoke.tools.samples;

import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.decode.DecodedPage;
import io.todoke.ocr.decode.FaxDecoder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the generated faxes' page images with their resolution: for the tests (did the file come out as
 * intended?) and for the benchmark's baseline (the same pages as PNG for plain tesseract). Not the engine's decoder.
 */
public final class FaxPages {

    /** A page image as stored, with the resolution the file declares. */
    public record Page(BufferedImage image, double xdpi, double ydpi, String encoding, int bitsPerPixel) {

        /** The page with square pixels (standard-mode pages stretched to twice their height). */
        public BufferedImage squarePixels() {
            if (Math.abs(xdpi - ydpi) < 0.5) {
                return image;
            }
            int h = (int) Math.round(image.getHeight() * xdpi / ydpi);
            BufferedImage out = new BufferedImage(image.getWidth(), h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, image.getWidth(), h, null);
            g.dispose();
            return out;
        }
    }

    private FaxPages() {
    }

    public static List<Page> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return readScan(file, name.endsWith(".png") ? "png" : "jpeg");
        }
        return name.endsWith(".pdf") ? readPdf(file) : readTiff(file);
    }

    /** A scan: one image, its resolution as the engine's decoder reads it. */
    static List<Page> readScan(Path file, String encoding) throws IOException {
        try {
            DecodedPage p = new FaxDecoder().decode(file).get(0);
            return List.of(new Page(p.image(), p.dpiX(), p.dpiY(), encoding, p.image().getColorModel().getPixelSize()));
        } catch (UnreadableFaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static List<Page> readTiff(Path file) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = jdkTiffReader();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    TIFFDirectory dir = TIFFDirectory.createFromMetadata(reader.getImageMetadata(i));
                    double unit = dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT) != null
                            && dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT).getAsInt(0)
                            == BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER ? 2.54 : 1;
                    int compression = dir.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0);
                    pages.add(new Page(reader.read(i), rational(dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION)) * unit,
                            rational(dir.getTIFFField(BaselineTIFFTagSet.TAG_Y_RESOLUTION)) * unit,
                            compression == BaselineTIFFTagSet.COMPRESSION_CCITT_T_4 ? "g3"
                                    : compression == BaselineTIFFTagSet.COMPRESSION_CCITT_T_6 ? "g4" : "other:" + compression,
                            dir.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE) == null ? 1
                                    : dir.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE).getAsInt(0)));
                }
            } finally {
                reader.dispose();
            }
        }
        return pages;
    }

    /** The JDK's TIFF reader, whose metadata TIFFDirectory understands (jai-imageio's may come first). */
    private static ImageReader jdkTiffReader() throws IOException {
        for (var it = ImageIO.getImageReadersByFormatName("tiff"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return r;
            }
        }
        throw new IOException("the JDK's TIFF reader is missing");
    }

    private static double rational(TIFFField f) {
        return f == null ? 0 : f.getAsDouble(0);
    }

    static List<Page> readPdf(Path file) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDImageXObject image = null;
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(name);
                    if (x instanceof PDImageXObject i) {
                        image = i;
                    }
                }
                if (image == null) {
                    throw new IOException("page without an image in " + file);
                }
                double wIn = page.getMediaBox().getWidth() / 72.0;
                double hIn = page.getMediaBox().getHeight() / 72.0;
                String filter = image.getCOSObject().getCOSName(COSName.FILTER, COSName.getPDFName("none")).getName();
                int k = image.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS) == null ? 0
                        : image.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS).getInt(COSName.K, 0);
                String encoding = filter.equals("CCITTFaxDecode") ? (k < 0 ? "g4" : "g3") : filter;
                pages.add(new Page(image.getImage(), image.getWidth() / wIn, image.getHeight() / hIn, encoding,
                        image.getBitsPerComponent()));
            }
        }
        return pages;
    }
}
