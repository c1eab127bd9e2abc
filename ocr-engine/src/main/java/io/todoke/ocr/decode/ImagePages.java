package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.ReadingInterruptedException;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.UnreadableFaxException.Reason;
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
import java.util.Iterator;

/**
 * TIFF, PNG and JPEG pages. Each page's width, height and resolution come from its header and metadata (read without
 * decoding pixels) and are checked against the limits on opening.
 */
final class ImagePages implements DecodedFax {

    private static final double A4_WIDTH_INCH = 210 / 25.4;

    private final ImageInputStream in;
    private final ImageReader reader;
    private final FaxDecoder.Format format;
    private final double[][] dpi;

    private ImagePages(ImageInputStream in, ImageReader reader, FaxDecoder.Format format, double[][] dpi) {
        this.in = in;
        this.reader = reader;
        this.format = format;
        this.dpi = dpi;
    }

    static DecodedFax open(byte[] bytes, DecodeLimits limits) throws IOException, UnreadableFaxException {
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
        ImageReader reader = null;
        try {
            reader = reader(in);
            reader.setInput(in);
            int n = reader.getNumImages(true);
            FaxDecoder.checkPageCount(n, limits);
            double[][] dpi = new double[n][];
            for (int i = 0; i < n; i++) {
                ReadingInterruptedException.throwIfInterrupted();
                int w = reader.getWidth(i);
                int h = reader.getHeight(i);
                dpi[i] = resolution(reader.getImageMetadata(i), w);
                FaxDecoder.checkPage(i, w / dpi[i][0] * 72, h / dpi[i][1] * 72, (long) w * h, limits);
            }
            return new ImagePages(in, reader, FaxDecoder.sniff(bytes), dpi);
        } catch (IOException | UnreadableFaxException | RuntimeException e) {
            if (reader != null) {
                reader.dispose();
            }
            in.close();
            throw e;
        }
    }

    /** The JDK's own plugin (its TIFF metadata carries the fax resolution) over others on the class path. */
    private static ImageReader reader(ImageInputStream in) throws UnreadableFaxException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UnreadableFaxException(Reason.UNSUPPORTED_TYPE, "no decoder for this image");
        }
        ImageReader reader = readers.next();
        while (!reader.getClass().getName().startsWith("com.sun.imageio.") && readers.hasNext()) {
            ImageReader next = readers.next();
            if (next.getClass().getName().startsWith("com.sun.imageio.")) {
                reader = next;
            }
        }
        return reader;
    }

    @Override
    public int pageCount() {
        return dpi.length;
    }

    @Override
    public DecodedPage page(int index) throws UnreadableFaxException {
        ReadingInterruptedException.throwIfInterrupted();
        try {
            BufferedImage img = reader.read(index);
            return new DecodedPage(img, dpi[index][0], dpi[index][1], "");
        } catch (IOException | RuntimeException e) {
            throw FaxDecoder.corrupt(format, e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
        try {
            in.close();
        } catch (IOException e) {
            // an in-memory stream: nothing to release that closing could fail on
        }
    }

    /** {dpiX, dpiY} from TIFF tags or the standard metadata; unknown resolution is guessed from an A4 width. */
    static double[] resolution(IIOMetadata meta, int width) {
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
        double guess = width / A4_WIDTH_INCH;
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
