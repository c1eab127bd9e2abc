package io.todoke.app;

import io.todoke.ocr.DecodeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The engine's settings under {@code todoke.ocr}.
 *
 * @param tessdata Tesseract's traineddata directory (Debian's tesseract-ocr packages)
 * @param limits   what a received file may declare before anything of it is decoded; a file over a limit is refused
 *                 with its reason, whatever it holds
 */
@ConfigurationProperties("todoke.ocr")
public record OcrProperties(
        @DefaultValue("/usr/share/tesseract-ocr/5/tessdata") String tessdata,
        @DefaultValue Limits limits) {

    /**
     * @param maxFileSize       larger files are refused (the same as the inbox's {@code todoke.intake.max-file-size}, so
     *                          what the pickup takes the engine reads)
     * @param maxPages          a fax with more pages is refused
     * @param maxPixelsPerPage  a page larger than this, as declared or rendered, is refused (an A4 scan at 600 dpi is
     *                          35 million; a fine fax page 4 million)
     * @param maxPageSidePoints a page side longer than this many points (1/72 inch) is refused (1,684: A2)
     */
    public record Limits(
            @DefaultValue("100MB") DataSize maxFileSize,
            @DefaultValue("50") int maxPages,
            @DefaultValue("40000000") long maxPixelsPerPage,
            @DefaultValue("1684") double maxPageSidePoints) {

        public DecodeLimits decodeLimits() {
            return new DecodeLimits(maxFileSize.toBytes(), maxPages, maxPixelsPerPage, maxPageSidePoints);
        }
    }
}
