package io.todoke.tools.samples;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/**
 * A page as a flatbed scanner or a multifunction printer's "scan to e-mail" makes it: grey on slightly dark paper,
 * with sensor noise, saved as PNG or JPEG with its resolution in the file.
 */
public final class ScanWriter {

    private ScanWriter() {
    }

    /** Paper tone and sensor noise on a rendered grey page (white paper, black ink). */
    public static BufferedImage degrade(BufferedImage grey, Random rnd) {
        int paper = 232 + rnd.nextInt(18);
        int ink = 20 + rnd.nextInt(40);
        double noise = 3 + rnd.nextDouble() * 4;
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < src.length; i++) {
            double v = ink + (paper - ink) * (src[i] & 0xFF) / 255.0 + rnd.nextGaussian() * noise;
            // scanners flatten the paper's own grain to one tone ("background removal"); ink keeps its noise
            dst[i] = (byte) (v > paper - 3 * noise ? paper : Math.max(0, Math.min(255, Math.round(v))));
        }
        return out;
    }

    /**
     * @param format  "png" or "jpeg"
     * @param quality JPEG quality in (0, 1]; ignored for PNG
     */
    public static void write(BufferedImage page, String format, double dpi, float quality, OutputStream out)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
            setResolution(meta, dpi);
            writer.write(null, new IIOImage(page, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** The resolution through the standard metadata tree: PNG's pHYs, JPEG's JFIF density. */
    private static void setResolution(IIOMetadata meta, double dpi) throws IIOInvalidTreeException {
        String mmPerPixel = Double.toString(25.4 / dpi);
        IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", mmPerPixel);
        IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", mmPerPixel);
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        meta.mergeTree("javax_imageio_1.0", root);
    }
}
