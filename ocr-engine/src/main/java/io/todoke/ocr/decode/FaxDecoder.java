package io.todoke.ocr.decode;

import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.UnreadableFaxException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Decodes fax files (PDF, TIFF, PNG, JPEG; sniffed from content, not the name) into pages with their resolution. */
public final class FaxDecoder {

    public static final int DEFAULT_MAX_PAGES = 50;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final double A4_WIDTH_INCH = 210 / 25.4;

    private final int maxPages;
    private final long maxBytes;

    public FaxDecoder() {
        this(DEFAULT_MAX_PAGES, DEFAULT_MAX_BYTES);
    }

    public FaxDecoder(int maxPages, long maxBytes) {
        this.maxPages = maxPages;
        this.maxBytes = maxBytes;
    }

    public enum Format { PDF, TIFF, PNG, JPEG }

    public List<DecodedPage> decode(Path file) throws UnreadableFaxException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFaxException(Reason.EMPTY, "file not found: " + file);
        } catch (IOException e) {
            throw new UnreadableFaxException(Reason.CORRUPT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new UnreadableFaxException(Reason.EMPTY, "empty file: " + file.getFileName());
        }
        if (size > maxBytes) {
            throw new UnreadableFaxException(Reason.TOO_LARGE,
                    "file too large: " + size + " bytes (limit " + maxBytes + "): " + file.getFileName());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFaxException(Reason.CORRUPT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.getFileName().toString());
    }

    public List<DecodedPage> decode(byte[] bytes, String name) throws UnreadableFaxException {
        Format format = sniff(bytes);
        if (format == null) {
            throw new UnreadableFaxException(Reason.UNSUPPORTED_TYPE, "not a PDF, TIFF, PNG or JPEG file: " + name);
        }
        List<DecodedPage> pages;
        try {
            pages = switch (format) {
                case PDF -> pdf(bytes, name);
                case TIFF, PNG, JPEG -> images(bytes, name);
            };
        } catch (UnreadableFaxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFaxException(Reason.CORRUPT, "corrupt " + format + " file: " + name + " (" + e.getMessage() + ")", e);
        }
        if (pages.isEmpty()) {
            throw new UnreadableFaxException(Reason.EMPTY, "no pages in " + name);
        }
        return pages;
    }

    /** The file's format from its first bytes, or null. */
    public static Format sniff(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F')) {
            return Format.PDF;
        }
        if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
            return Format.TIFF;
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return Format.PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private List<DecodedPage> pdf(byte[] bytes, String name) throws IOException, UnreadableFaxException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new UnreadableFaxException(Reason.ENCRYPTED, "encrypted PDF (password required): " + name, e);
        }
        try (doc) {
            if (doc.getNumberOfPages() > maxPages) {
                throw new UnreadableFaxException(Reason.TOO_MANY_PAGES,
                        "too many pages: " + doc.getNumberOfPages() + " (limit " + maxPages + "): " + name);
            }
            List<DecodedPage> pages = new ArrayList<>();
            PDFRenderer renderer = null;
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                PlacedTextStripper.Result layer = PlacedTextStripper.strip(doc, i);
                String text = layer.text();
                PDImageXObject image = largestImage(page.getResources());
                double wInch = page.getMediaBox().getWidth() / 72.0;
                double hInch = page.getMediaBox().getHeight() / 72.0;
                if (image != null && text.isBlank()) {
                    // a fax gateway's page: one image filling the page; its pixel size over the page size is its true resolution
                    BufferedImage img = image.getImage();
                    boolean turned = page.getRotation() % 180 != 0;
                    double dpiX = img.getWidth() / (turned ? hInch : wInch);
                    double dpiY = img.getHeight() / (turned ? wInch : hInch);
                    pages.add(new DecodedPage(img, dpiX, dpiY, text));
                } else {
                    if (renderer == null) {
                        renderer = new PDFRenderer(doc);
                    }
                    // rendered from the crop box, turned by /Rotate: the frame the text layer's positions are in
                    pages.add(new DecodedPage(renderer.renderImageWithDPI(i, 200, ImageType.GRAY), 200, 200, text,
                            layer.glyphs()));
                }
            }
            return pages;
        }
    }

    private static PDImageXObject largestImage(PDResources resources) throws IOException {
        if (resources == null) {
            return null;
        }
        PDImageXObject best = null;
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDImageXObject img
                    && (best == null || (long) img.getWidth() * img.getHeight() > (long) best.getWidth() * best.getHeight())) {
                best = img;
            }
        }
        return best;
    }

    private List<DecodedPage> images(byte[] bytes, String name) throws IOException, UnreadableFaxException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableFaxException(Reason.UNSUPPORTED_TYPE, "no decoder for image: " + name);
            }
            ImageReader reader = readers.next();
            // prefer the JDK's own plugin (its TIFF metadata carries the fax resolution) over others on the class path
            while (!reader.getClass().getName().startsWith("com.sun.imageio.") && readers.hasNext()) {
                ImageReader next = readers.next();
                if (next.getClass().getName().startsWith("com.sun.imageio.")) {
                    reader = next;
                }
            }
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                if (n > maxPages) {
                    throw new UnreadableFaxException(Reason.TOO_MANY_PAGES, "too many pages: " + n + " (limit " + maxPages + "): " + name);
                }
                List<DecodedPage> pages = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    BufferedImage img = reader.read(i);
                    double[] dpi = resolution(reader.getImageMetadata(i), img);
                    pages.add(new DecodedPage(img, dpi[0], dpi[1], ""));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        }
    }

    /** {dpiX, dpiY} from TIFF tags or the standard metadata; unknown resolution is guessed from an A4 width. */
    static double[] resolution(IIOMetadata meta, BufferedImage img) {
        try {
            if (meta != null && "javax_imageio_tiff_image_1.0".equals(meta.getNativeMetadataFormatName())) {
                TIFFDirectory dir = TIFFDirectory.createFromMetadata(meta);
                TIFFField x = dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION);
                TIFFField y = dir.getTIFFField(BaselineTIFFTagSet.TAG_Y_RESOLUTION);
                TIFFField unit = dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT);
                if (x != null && y != null && x.getAsDouble(0) > 0 && y.getAsDouble(0) > 0) {
                    double f = unit != null && unit.getAsInt(0) == BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER ? 2.54 : 1;
                    return new double[] {x.getAsDouble(0) * f, y.getAsDouble(0) * f};
                }
            } else if (meta != null && "javax_imageio_png_1.0".equals(meta.getNativeMetadataFormatName())) {
                // the JDK's PNG plugin reports pHYs in its standard tree inverted (pixels per mm as "pixel size"),
                // so read the chunk itself
                NodeList phys = ((IIOMetadataNode) meta.getAsTree("javax_imageio_png_1.0")).getElementsByTagName("pHYs");
                if (phys.getLength() > 0) {
                    IIOMetadataNode n = (IIOMetadataNode) phys.item(0);
                    if ("meter".equals(n.getAttribute("unitSpecifier"))) {
                        double x = Double.parseDouble(n.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
                        double y = Double.parseDouble(n.getAttribute("pixelsPerUnitYAxis")) * 0.0254;
                        if (plausible(x) && plausible(y)) {
                            return new double[] {x, y};
                        }
                    }
                }
            } else if (meta != null && meta.isStandardMetadataFormatSupported()) {
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
                double h = pixelSize(root, "HorizontalPixelSize");
                double v = pixelSize(root, "VerticalPixelSize");
                if (h > 0 && v > 0 && plausible(25.4 / h) && plausible(25.4 / v)) {
                    return new double[] {25.4 / h, 25.4 / v};
                }
            }
        } catch (RuntimeException | javax.imageio.metadata.IIOInvalidTreeException e) {
            // fall through to the guess: a scan without a resolution is still worth reading
        }
        double guess = img.getWidth() / A4_WIDTH_INCH;
        return new double[] {guess, guess};
    }

    /** A page's resolution as scanners and fax machines make them; anything else is a broken header. */
    private static boolean plausible(double dpi) {
        return dpi >= 50 && dpi <= 1200;
    }

    private static double pixelSize(IIOMetadataNode root, String name) {
        NodeList list = root.getElementsByTagName(name);
        if (list.getLength() == 0) {
            return -1;
        }
        try {
            return Double.parseDouble(((IIOMetadataNode) list.item(0)).getAttribute("value"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
