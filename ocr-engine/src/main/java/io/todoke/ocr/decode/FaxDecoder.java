package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.UnreadableFaxException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes fax files (PDF, TIFF, PNG, JPEG; sniffed from content, not the name) into pages with their resolution.
 * Every {@link DecodeLimits limit} is checked from what the file declares before any page is rendered or decoded.
 */
public final class FaxDecoder {

    /** The resolution PDF pages other than a fax gateway's single image are rendered at. */
    static final double PDF_RENDER_DPI = 200;

    private final DecodeLimits limits;

    public FaxDecoder() {
        this(DecodeLimits.DEFAULTS);
    }

    public FaxDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    public enum Format { PDF, TIFF, PNG, JPEG }

    /** Every page decoded; {@link #open(Path)} holds one page at a time instead. */
    public List<DecodedPage> decode(Path file) throws UnreadableFaxException {
        try (DecodedFax fax = open(file)) {
            return all(fax);
        }
    }

    public List<DecodedPage> decode(byte[] bytes, String name) throws UnreadableFaxException {
        try (DecodedFax fax = open(bytes)) {
            return all(fax);
        }
    }

    private static List<DecodedPage> all(DecodedFax fax) throws UnreadableFaxException {
        List<DecodedPage> pages = new ArrayList<>();
        for (int i = 0; i < fax.pageCount(); i++) {
            pages.add(fax.page(i));
        }
        return pages;
    }

    /** The file opened and checked against the limits; its pages are decoded one by one by the caller. */
    public DecodedFax open(Path file) throws UnreadableFaxException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFaxException(Reason.EMPTY, "file not found");
        } catch (IOException e) {
            throw new UnreadableFaxException(Reason.CORRUPT, "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
        checkSize(size);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFaxException(Reason.CORRUPT, "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
        return open(bytes);
    }

    public DecodedFax open(byte[] bytes) throws UnreadableFaxException {
        checkSize(bytes.length);
        Format format = sniff(bytes);
        if (format == null) {
            throw new UnreadableFaxException(Reason.UNSUPPORTED_TYPE, "not a PDF, TIFF, PNG or JPEG file");
        }
        DecodedFax fax;
        try {
            fax = switch (format) {
                case PDF -> PdfPages.open(bytes, limits);
                case TIFF, PNG, JPEG -> ImagePages.open(bytes, limits);
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof io.todoke.ocr.ReadingInterruptedException r) {
                throw r;
            }
            throw corrupt(format, e);
        }
        if (fax.pageCount() == 0) {
            fax.close();
            throw new UnreadableFaxException(Reason.EMPTY, "no pages");
        }
        return fax;
    }

    static UnreadableFaxException corrupt(Format format, Exception e) {
        return new UnreadableFaxException(Reason.CORRUPT, "corrupt " + format + " file", e);
    }

    private void checkSize(long size) throws UnreadableFaxException {
        if (size == 0) {
            throw new UnreadableFaxException(Reason.EMPTY, "empty file");
        }
        if (size > limits.maxBytes()) {
            throw new UnreadableFaxException(Reason.TOO_LARGE,
                    "file too large: " + size + " bytes (limit " + limits.maxBytes() + ")");
        }
    }

    static void checkPageCount(int pages, DecodeLimits limits) throws UnreadableFaxException {
        if (pages > limits.maxPages()) {
            throw new UnreadableFaxException(Reason.TOO_MANY_PAGES, "too many pages: " + pages + " (limit " + limits.maxPages() + ")");
        }
    }

    /** A page's declared size against the limits: {@code widthPt × heightPt} points, {@code pixels} to decode. */
    static void checkPage(int index, double widthPt, double heightPt, long pixels, DecodeLimits limits)
            throws UnreadableFaxException {
        double side = Math.max(widthPt, heightPt);
        if (!(side <= limits.maxPageSidePoints())) {
            throw new UnreadableFaxException(Reason.PAGE_TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "page %d too large: %.0f x %.0f points (limit %.0f a side)", index + 1, widthPt, heightPt,
                    limits.maxPageSidePoints()));
        }
        if (pixels > limits.maxPixelsPerPage() || pixels < 0) {
            throw new UnreadableFaxException(Reason.PAGE_TOO_LARGE, "page " + (index + 1) + " too large: " + pixels
                    + " pixels (limit " + limits.maxPixelsPerPage() + ")");
        }
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
}
