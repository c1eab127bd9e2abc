package io.todoke.ocr;

/**
 * What the engine agrees to decode, checked from what a file declares (its size, page count, page boxes and image
 * headers) before any page is rendered or decoded: a few hundred bytes can claim a page of billions of pixels.
 *
 * @param maxBytes          larger files are refused ({@link UnreadableFaxException.Reason#TOO_LARGE})
 * @param maxPages          more pages are refused ({@link UnreadableFaxException.Reason#TOO_MANY_PAGES})
 * @param maxPixelsPerPage  a page whose declared image, or whose rendering at the engine's PDF resolution, has more
 *                          pixels is refused ({@link UnreadableFaxException.Reason#PAGE_TOO_LARGE})
 * @param maxPageSidePoints a page wider or taller than this many points (1/72 inch) is refused
 *                          ({@link UnreadableFaxException.Reason#PAGE_TOO_LARGE}); for an image, its pixels over its
 *                          resolution
 */
public record DecodeLimits(long maxBytes, int maxPages, long maxPixelsPerPage, double maxPageSidePoints) {

    /**
     * 64 MiB, 50 pages, 40 million pixels (an A4 scan at 600 dpi is 35 million, a fine fax page 4 million), and 1,684
     * points a side (A2's long side, 594 mm; faxes and scans are A4 or A3).
     */
    public static final DecodeLimits DEFAULTS = new DecodeLimits(64L * 1024 * 1024, 50, 40_000_000L, 1684);

    public DecodeLimits {
        if (maxBytes <= 0 || maxPages <= 0 || maxPixelsPerPage <= 0 || !(maxPageSidePoints > 0)) {
            throw new IllegalArgumentException("decode limits must be positive: " + maxBytes + " bytes, " + maxPages
                    + " pages, " + maxPixelsPerPage + " pixels, " + maxPageSidePoints + " points");
        }
    }

    public DecodeLimits withMaxBytes(long bytes) {
        return new DecodeLimits(bytes, maxPages, maxPixelsPerPage, maxPageSidePoints);
    }

    public DecodeLimits withMaxPages(int pages) {
        return new DecodeLimits(maxBytes, pages, maxPixelsPerPage, maxPageSidePoints);
    }

    public DecodeLimits withMaxPixelsPerPage(long pixels) {
        return new DecodeLimits(maxBytes, maxPages, pixels, maxPageSidePoints);
    }

    public DecodeLimits withMaxPageSidePoints(double points) {
        return new DecodeLimits(maxBytes, maxPages, maxPixelsPerPage, points);
    }
}
