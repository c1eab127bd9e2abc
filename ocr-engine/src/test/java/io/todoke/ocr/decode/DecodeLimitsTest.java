package io.todoke.ocr.decode;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.UnreadableFaxException.Reason;
import io.todoke.ocr.fixtures.HostileInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files declaring pages far beyond the limits are refused from their declarations, before any pixel is decoded. */
class DecodeLimitsTest {

    /** Far below any of the refused pages' rasters (the smallest, 8,000² at one bit, is 8 MB; most are gigabytes). */
    private static final long ALLOCATION_BOUND = 4L * 1024 * 1024;

    @TempDir
    static Path dir;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @ValueSource(strings = {"text-page-200-inch.pdf", "ccitt-100000-square.tif", "fax-page-30000-square.pdf",
            "text-page-form-image-30000-square.pdf", "text-page-inline-image-30000-square.pdf",
            "text-page-stamp-image-30000-square.pdf",
            "ccitt-30000-square.tif", "ccitt-8000-square-600dpi.tif", "png-100000-square.png", "jpeg-65000-square.jpg"})
    void aPageDeclaredTooLargeIsRefusedWithoutDecodingIt(String name) throws Exception {
        Path file = HostileInputs.writeAll(dir.resolve("hostile")).stream()
                .filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        assertThat(Files.size(file)).isLessThan(4096);
        FaxDecoder decoder = new FaxDecoder();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PAGE_TOO_LARGE);
                    assertThat(e.getMessage()).startsWith("page 1 too large").doesNotContain(name).doesNotContain("\n");
                });
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void thePixelLimitCountsAPdfPageAsRenderedAtTwoHundredDpi() throws Exception {
        Path pdf = HostileInputs.hugeTextPdf(dir.resolve("a4ish.pdf"), 10);
        // 10 inches at 200 dpi: 2,000 x 2,000 pixels
        assertThat(new FaxDecoder(DecodeLimits.DEFAULTS.withMaxPixelsPerPage(4_000_000)).decode(pdf)).hasSize(1);
        assertThatThrownBy(() -> new FaxDecoder(DecodeLimits.DEFAULTS.withMaxPixelsPerPage(3_999_999)).decode(pdf))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PAGE_TOO_LARGE));
    }

    @Test
    void thePageSideLimitIsInPointsFromAnImagesPixelsOverItsResolution() throws Exception {
        // 2,000 pixels at 100 dpi: 20 inches, 1,440 points
        Path tiff = HostileInputs.ccittTiff(dir.resolve("wide.tif"), 2_000, 100, 100);
        FaxDecoder refusing = new FaxDecoder(DecodeLimits.DEFAULTS.withMaxPageSidePoints(1_439));
        assertThatThrownBy(() -> refusing.decode(tiff))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PAGE_TOO_LARGE);
                    assertThat(e.getMessage()).contains("1440 x 72 points");
                });
    }

    @Test
    void aPageOverTheLimitRefusesTheFileOnOpening() throws Exception {
        BufferedImage form = FaxFixtures.filledForm(FaxFixtures.template(), Map.of(), Map.of(), FaxFixtures.Mark.CHECK);
        byte[] tiff = FaxFixtures.tiff(List.of(form, form), 204, 196);
        // both pages are 1,728 x 2,339 or so: a limit under that refuses the file on opening, naming the first page
        assertThatThrownBy(() -> new FaxDecoder(DecodeLimits.DEFAULTS.withMaxPixelsPerPage(1_000_000)).open(tiff))
                .isInstanceOfSatisfying(UnreadableFaxException.class, e -> assertThat(e.getMessage()).startsWith("page 1 "));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> DecodeLimits.DEFAULTS.withMaxPixelsPerPage(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNormalFaxPassesTheDefaults() throws Exception {
        BufferedImage form = FaxFixtures.filledForm(FaxFixtures.template(), Map.of(), Map.of(), FaxFixtures.Mark.CHECK);
        try (DecodedFax fax = new FaxDecoder(DecodeLimits.DEFAULTS).open(FaxFixtures.pdf(List.of(form, form), 204, 196))) {
            assertThat(fax.pageCount()).isEqualTo(2);
            assertThat(fax.page(1).dpiX()).isCloseTo(204, org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
