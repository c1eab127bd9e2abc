package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.ReadingInterruptedException;
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

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A PDF's pages: a fax gateway's page (one image, no text) as its image at the image's own resolution, any other page
 * rendered in grey with its text layer. Every page's declared sizes are checked against the limits on opening
 * ({@link PdfDeclaredSizes}).
 */
final class PdfPages implements DecodedFax {

    private final PDDocument doc;
    private PDFRenderer renderer;

    private PdfPages(PDDocument doc) {
        this.doc = doc;
    }

    static DecodedFax open(byte[] bytes, DecodeLimits limits) throws IOException, UnreadableFaxException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new UnreadableFaxException(Reason.ENCRYPTED, "encrypted PDF (password required)", e);
        }
        try {
            FaxDecoder.checkPageCount(doc.getNumberOfPages(), limits);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ReadingInterruptedException.throwIfInterrupted();
                PdfDeclaredSizes.check(doc.getPage(i), i, limits);
            }
            return new PdfPages(doc);
        } catch (IOException | UnreadableFaxException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    @Override
    public int pageCount() {
        return doc.getNumberOfPages();
    }

    @Override
    public DecodedPage page(int index) throws UnreadableFaxException {
        ReadingInterruptedException.throwIfInterrupted();
        try {
            return decode(index);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReadingInterruptedException r) {
                throw r;
            }
            throw FaxDecoder.corrupt(FaxDecoder.Format.PDF, e);
        }
    }

    private DecodedPage decode(int i) throws IOException {
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
            return new DecodedPage(img, dpiX, dpiY, text);
        }
        if (renderer == null) {
            renderer = new PDFRenderer(doc);
        }
        // rendered from the crop box, turned by /Rotate: the frame the text layer's positions are in
        float dpi = (float) FaxDecoder.PDF_RENDER_DPI;
        return new DecodedPage(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY), dpi, dpi, text, layer.glyphs());
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

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            // an in-memory document: nothing to release that closing could fail on
        }
    }
}
