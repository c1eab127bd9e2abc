package io.todoke.tools.samples;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes 1-bit pages the way fax gateways deliver them: a multi-page TIFF with CCITT T.4 (G3) or T.6 (G4) strips and
 * the true resolution in its tags, or a PDF with one CCITT image per page whose page size follows that resolution
 * (as tiff2pdf makes it).
 */
public final class FaxWriter {

    /** CCITT compression of the pages. */
    public enum Compression {
        G3("CCITT T.4"), G4("CCITT T.6");

        final String imageIoName;

        Compression(String imageIoName) {
            this.imageIoName = imageIoName;
        }

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private FaxWriter() {
    }

    public static void writeTiff(List<BufferedImage> pages, FaxMode mode, Compression compression, OutputStream out)
            throws IOException {
        ImageWriter writer = jdkTiffWriter();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression.imageIoName);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, metadata(writer, page, param, mode)), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /**
     * The JDK's own TIFF writer: tess4j brings jai-imageio's onto the class path, which ignores the
     * javax.imageio.plugins.tiff metadata (resolution, one strip) and would win half of the time.
     */
    static ImageWriter jdkTiffWriter() {
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return w;
            }
        }
        throw new IllegalStateException("the JDK's TIFF writer is missing");
    }

    /** The page's resolution, and one strip per page: PDF's CCITT filter (and PDFBox's extraction) wants one. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage page, ImageWriteParam param, FaxMode mode)
            throws IOException {
        IIOMetadata defaults = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(defaults);
        BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                new long[][] {{mode.xdpi, 1}}));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                new long[][] {{mode.ydpi, 1}}));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP), page.getHeight()));
        return dir.getAsMetadata();
    }

    public static void writePdf(List<BufferedImage> pages, FaxMode mode, Compression compression, String title,
                                OutputStream out) throws IOException {
        writePdf(pages, mode, compression, title, null, out);
    }

    /** The Japanese font of a PC PDF's text layer (Debian's fonts-ipafont-gothic). */
    public static final Path TEXT_LAYER_FONT = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    /**
     * As above, with an invisible text layer per page, as a PC's fax driver or "save as PDF" makes it: each run at
     * its place on the A4 form (millimetres), stretched to the width it was drawn with.
     *
     * @param layers per page, the runs of its text layer (null or empty: none)
     */
    public static void writePdf(List<BufferedImage> pages, FaxMode mode, Compression compression, String title,
                                List<List<FormPainter.TextRun>> layers, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = null;
            for (int i = 0; i < pages.size(); i++) {
                BufferedImage page = pages.get(i);
                ByteArrayOutputStream tiff = new ByteArrayOutputStream();
                writeTiff(List.of(page), mode, compression, tiff);
                PDImageXObject image = CCITTFactory.createFromByteArray(doc, tiff.toByteArray());
                if (compression == Compression.G3) {
                    // The T.4 strips start every row with an EOL code; say so, as tiff2pdf does.
                    COSDictionary parms = (COSDictionary) image.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS);
                    parms.setBoolean(COSName.getPDFName("EndOfLine"), true);
                }
                float w = page.getWidth() * 72f / mode.xdpi;
                float h = page.getHeight() * 72f / mode.ydpi;
                PDPage pdPage = new PDPage(new PDRectangle(w, h));
                doc.addPage(pdPage);
                List<FormPainter.TextRun> runs = layers == null || i >= layers.size() ? List.of() : layers.get(i);
                if (!runs.isEmpty() && font == null) {
                    font = PDType0Font.load(doc, TEXT_LAYER_FONT.toFile());
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
                    cs.drawImage(image, 0, 0, w, h);
                    // the A4 form sits centred in the fax line's width, its top at the page's top
                    double offsetMm = (page.getWidth() / mode.sx() - 210) / 2;
                    for (FormPainter.TextRun r : runs) {
                        textRun(cs, font, r, offsetMm, h);
                    }
                }
            }
            doc.getDocumentInformation().setTitle(title);
            if (font != null) {
                doc.getDocumentInformation().setCreator("Todoke sample generator (PC PDF with a text layer)");
            }
            doc.getDocumentInformation().setProducer("Todoke sample generator");
            // A fixed document id keeps the output byte-identical for a seed.
            byte[] id = title.getBytes(StandardCharsets.UTF_8);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
        }
    }

    private static void textRun(PDPageContentStream cs, PDFont font, FormPainter.TextRun r, double offsetMm,
                                float pageHeightPt) throws IOException {
        float size = (float) (r.size() * PT_PER_MM);
        float natural = font.getStringWidth(r.text()) / 1000f * size;
        cs.beginText();
        cs.setFont(font, size);
        cs.setRenderingMode(RenderingMode.NEITHER);
        if (natural > 0) {
            cs.setHorizontalScaling((float) (100 * r.width() * PT_PER_MM / natural));
        }
        cs.newLineAtOffset((float) ((r.x() + offsetMm) * PT_PER_MM), (float) (pageHeightPt - r.baseline() * PT_PER_MM));
        cs.showText(r.text());
        cs.endText();
    }

    private static final double PT_PER_MM = 72 / 25.4;
}
