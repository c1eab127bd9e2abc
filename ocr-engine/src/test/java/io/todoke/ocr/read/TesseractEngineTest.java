package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.template.OcrSettings;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins the Tess4J path that works with Debian's Tesseract 5.3 / Leptonica 1.82: TessAPI with raw 8-bit bytes. */
class TesseractEngineTest {

    static Gray text(String s, int px) {
        BufferedImage img = new BufferedImage(px * (s.length() + 2), px * 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("IPAexGothic", Font.PLAIN, px));
        g.drawString(s, px / 2, px * 3 / 2);
        g.dispose();
        return Gray.of(img);
    }

    @Test
    void readsJapaneseFromRawBytesWithCharacterConfidences() {
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            OcrText r = engine.read(text("神戸市中央区", 30), new OcrSettings("jpn", 7, "", 0));
            assertThat(r.text().replace(" ", "")).isEqualTo("神戸市中央区");
            assertThat(r.symbols()).hasSize(6);
            assertThat(r.confidence()).isBetween(0.5, 1.0);
        }
    }

    @Test
    void theJapaneseScriptModelReadsTheSameWritingAsASecondOpinion() {
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            assertThat(engine.has("jpn")).isTrue();
            assertThat(engine.has("no-such-model")).isFalse();
            org.junit.jupiter.api.Assumptions.assumeTrue(engine.has("Japanese"),
                    "tesseract-ocr-script-jpan is not installed");
            OcrSettings jpn = new OcrSettings("jpn", 7, "", 1.5, 1.0, java.util.Map.of(), "Japanese");
            OcrText r = engine.read(text("自宅療養", 30), jpn.inOtherLanguage());
            assertThat(r.text().replace(" ", "")).isEqualTo("自宅療養");
        }
    }

    @Test
    void whitelistRestrictsTheCharacters() {
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            OcrText r = engine.read(text("078-123-4567", 30), new OcrSettings("eng", 7, "0123456789-", 0));
            assertThat(r.text()).isEqualTo("078-123-4567");
            // the whitelist is reset for the next zone
            OcrText free = engine.read(text("ABC", 30), new OcrSettings("eng", 7, "", 0));
            assertThat(free.text()).isEqualTo("ABC");
        }
    }

    @Test
    void anEngineBelongsToTheThreadThatMadeIt() throws Exception {
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            Thread other = new Thread(() -> assertThatThrownBy(() -> engine.read(text("1", 30), new OcrSettings("eng", 7, "", 0)))
                    .isInstanceOf(IllegalStateException.class));
            other.start();
            other.join();
        }
    }

    @Test
    void poolGivesEachThreadItsOwnEngine() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (TesseractPool pool = new TesseractPool(EngineConfig.DEFAULT_TESSDATA)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(workers.submit(() -> pool.engine().read(text("12345", 30), new OcrSettings("eng", 7, "0123456789", 0)).text()));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("12345");
            }
        } finally {
            workers.shutdown();
        }
    }

    @Test
    void theEnginesOfEndedThreadsAreClosedSoAThreadPerFileDoesNotGrowThePool() throws Exception {
        try (TesseractPool pool = new TesseractPool(EngineConfig.DEFAULT_TESSDATA)) {
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> assertThat(pool.engine().read(text("7", 30),
                        new OcrSettings("eng", 7, "0123456789", 0)).text()).isEqualTo("7"));
                t.start();
                t.join();
            }
            assertThat(pool.size()).as("the last thread's engine, not one per thread that ever read").isEqualTo(1);
        }
    }
}
