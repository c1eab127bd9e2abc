package io.todoke.ocr;

import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.OptionSpec;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test faxes made by the project's own code: the blank form rendered from the layout, values written into the
 * cells with Java2D, then degraded into a genuine CCITT G4 fax (TIFF or PDF) at fax resolution.
 */
public final class FaxFixtures {

    public static final double PX_PER_MM = 8;
    public static final Path TEMPLATES = Path.of("../config/forms");

    private FaxFixtures() {
    }

    public static FormTemplate template() {
        return FormTemplates.load(TEMPLATES).byId("covid19-notification").orElseThrow();
    }

    public enum Mark { CHECK, CROSS, FILL, CIRCLE }

    /** A filled form page at 8 px/mm: text values by key, choice values by key as lists of option values. */
    public static BufferedImage filledForm(FormTemplate t, Map<String, String> text, Map<String, List<String>> choices, Mark mark) {
        Gray blank = BlankForm.render(t, PX_PER_MM);
        BufferedImage img = blank.toImage();
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font("IPAexGothic", Font.PLAIN, px(3.6)));
            for (FieldSpec f : t.fields()) {
                String v = text.get(f.key());
                if (v != null) {
                    MmBox b = f.box();
                    int baseline = px(b.y() + Math.min(b.h(), 8) / 2 + 1.3);
                    g.drawString(v, px(b.x() + 1.5), baseline);
                }
                for (OptionSpec o : f.options()) {
                    if (choices.getOrDefault(f.key(), List.of()).contains(o.value())) {
                        drawMark(g, o, mark);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    static void drawMark(Graphics2D g, OptionSpec o, Mark mark) {
        MmBox m = o.mark();
        g.setStroke(new BasicStroke((float) (0.45 * PX_PER_MM), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int x = px(m.x());
        int y = px(m.y());
        int w = px(m.w());
        int h = px(m.h());
        switch (mark) {
            case CHECK -> {
                g.drawLine(x + px(0.6), y + (int) (h * 0.55), x + (int) (w * 0.4), y + h - px(0.4));
                g.drawLine(x + (int) (w * 0.4), y + h - px(0.4), x + w + px(0.6), y - px(0.6));
            }
            case CROSS -> {
                g.drawLine(x + px(0.3), y + px(0.3), x + w - px(0.3), y + h - px(0.3));
                g.drawLine(x + w - px(0.3), y + px(0.3), x + px(0.3), y + h - px(0.3));
            }
            case FILL -> g.fillRect(x + px(0.5), y + px(0.5), w - px(1), h - px(1));
            case CIRCLE -> {
                MmBox z = o.zone();
                g.setStroke(new BasicStroke((float) (0.35 * PX_PER_MM)));
                double cw = Math.min(z.w(), 6 + 3.2 * o.label().length());
                g.draw(new Ellipse2D.Double(px(z.x()), px(z.y() + 0.3), px(cw), px(z.h() - 0.6)));
            }
        }
    }

    /** Turns the page by {@code deg} about its centre (positive = clockwise on screen). */
    public static BufferedImage rotate(BufferedImage src, double deg) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(deg), src.getWidth() / 2.0, src.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Resamples a page at 8 px/mm to a 1-bit fax image at the given resolution (204x98 standard, 204x196 fine). */
    public static BufferedImage faxImage(BufferedImage page, double dpiX, double dpiY) {
        int w = (int) Math.round(page.getWidth() / PX_PER_MM / 25.4 * dpiX);
        int h = (int) Math.round(page.getHeight() / PX_PER_MM / 25.4 * dpiY);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A multi-page CCITT G4 TIFF with the resolution tags a fax gateway writes. */
    public static byte[] tiff(List<BufferedImage> pages, double dpiX, double dpiY) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("CCITT T.6");
                writer.prepareWriteSequence(null);
                for (BufferedImage p : pages) {
                    BufferedImage fax = faxImage(p, dpiX, dpiY);
                    IIOMetadata meta = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(fax), param);
                    TIFFDirectory dir = TIFFDirectory.createFromMetadata(meta);
                    BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
                    dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                            new long[][] {{(long) dpiX, 1}}));
                    dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                            new long[][] {{(long) dpiY, 1}}));
                    dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                            BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
                    writer.writeToSequence(new IIOImage(fax, null, dir.getAsMetadata()), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF as a fax gateway delivers it: one CCITT G4 image filling each page. */
    public static byte[] pdf(List<BufferedImage> pages, double dpiX, double dpiY) {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage p : pages) {
                BufferedImage fax = faxImage(p, dpiX, dpiY);
                float w = (float) (fax.getWidth() / dpiX * 72);
                float h = (float) (fax.getHeight() / dpiY * 72);
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject img = CCITTFactory.createFromImage(doc, fax);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, 0, 0, w, h);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage blankPage() {
        BufferedImage img = new BufferedImage(1680, 2376, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    /** A cover sheet (送付状): a title and a few lines, no form ruling. */
    public static BufferedImage coverPage() {
        BufferedImage img = blankPage();
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font("IPAexGothic", Font.BOLD, px(9)));
            g.drawString("FAX送付状", px(70), px(40));
            g.setFont(new Font("IPAexGothic", Font.PLAIN, px(4.5)));
            g.drawString("神戸市保健所 感染症担当 御中", px(20), px(60));
            g.drawString("送信枚数：2枚（本紙を含む）", px(20), px(75));
        } finally {
            g.dispose();
        }
        return img;
    }

    static int px(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }
}
