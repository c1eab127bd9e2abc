package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.UnreadableFaxException;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import java.io.IOException;

/**
 * A PDF page's declared sizes against the limits, read from its dictionaries and content without decoding an image:
 * its boxes, its rendering at {@link FaxDecoder#PDF_RENDER_DPI}, and every image rendering would decode (image
 * XObjects and their soft masks, inside form XObjects too, inline images, and annotations' appearances).
 */
final class PdfDeclaredSizes {

    /** Forms nest no deeper on real pages; deeper nesting (or a form drawing itself) is not followed further. */
    private static final int MAX_FORM_DEPTH = 8;

    private final int index;
    private final double widthPt;
    private final double heightPt;
    private final DecodeLimits limits;
    /** Each form walked once: one form drawn many times over, at every depth, would otherwise be walked exponentially often. */
    private final java.util.Set<Object> walked =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private PdfDeclaredSizes(int index, double widthPt, double heightPt, DecodeLimits limits) {
        this.index = index;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
        this.limits = limits;
    }

    static void check(PDPage page, int index, DecodeLimits limits) throws IOException, UnreadableFaxException {
        PDRectangle media = page.getMediaBox();
        PDRectangle crop = page.getCropBox();
        double w = Math.max(Math.abs(media.getWidth()), Math.abs(crop.getWidth()));
        double h = Math.max(Math.abs(media.getHeight()), Math.abs(crop.getHeight()));
        double scale = FaxDecoder.PDF_RENDER_DPI / 72;
        long rendered = (long) Math.ceil(Math.abs(crop.getWidth()) * scale) * (long) Math.ceil(Math.abs(crop.getHeight()) * scale);
        FaxDecoder.checkPage(index, w, h, rendered, limits);
        PdfDeclaredSizes sizes = new PdfDeclaredSizes(index, w, h, limits);
        sizes.content(page, page.getResources(), 0);
        for (PDAnnotation a : page.getAnnotations()) {
            PDAppearanceStream appearance = a.getNormalAppearanceStream();
            if (appearance != null) {
                sizes.content(appearance, appearance.getResources(), 1);
            }
        }
    }

    private void content(PDContentStream stream, PDResources resources, int depth) throws IOException, UnreadableFaxException {
        if (depth > MAX_FORM_DEPTH || !walked.add(stream instanceof org.apache.pdfbox.pdmodel.common.COSObjectable o ? o.getCOSObject() : stream)) {
            return;
        }
        inlineImages(stream);
        if (resources == null) {
            return;
        }
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDImageXObject img) {
                image(img.getWidth(), img.getHeight());
                PDImageXObject mask = img.getSoftMask();
                if (mask != null) {
                    image(mask.getWidth(), mask.getHeight());
                }
            } else if (x instanceof PDFormXObject form) {
                content(form, form.getResources(), depth + 1);
            }
        }
    }

    /** {@code BI … ID … EI} in the content: the parameters give the size, the data is skipped unread. */
    private void inlineImages(PDContentStream stream) throws IOException, UnreadableFaxException {
        PDFStreamParser parser = new PDFStreamParser(stream);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op && "BI".equals(op.getName()) && op.getImageParameters() != null) {
                COSDictionary p = op.getImageParameters();
                image(p.getInt(COSName.W, COSName.WIDTH, 0), p.getInt(COSName.H, COSName.HEIGHT, 0));
            }
        }
    }

    private void image(int width, int height) throws UnreadableFaxException {
        FaxDecoder.checkPage(index, widthPt, heightPt, (long) width * height, limits);
    }
}
