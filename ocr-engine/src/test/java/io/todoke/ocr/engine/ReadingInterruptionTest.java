package io.todoke.ocr.engine;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.ReadingInterruptedException;
import io.todoke.ocr.template.FormTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A caller's timeout interrupts the reading thread: the reading stops at the next zone and the thread is free. */
class ReadingInterruptionTest {

    /** Only a guard against a hung build: the assertions count zones, they do not time anything. */
    private static final long GUARD_MINUTES = 5;

    static TodokeEngine engine;

    @BeforeAll
    static void start() {
        engine = new TodokeEngine(EngineConfig.defaults().withTemplates(FaxFixtures.TEMPLATES));
    }

    @AfterEach
    void noHook() {
        engine.beforeEachZone(() -> { });
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Path fax(Path dir, int pages) throws Exception {
        FormTemplate t = FaxFixtures.template();
        BufferedImage form = FaxFixtures.filledForm(t, TodokeEngineTest.WRITTEN, TodokeEngineTest.MARKED, FaxFixtures.Mark.CHECK);
        return Files.write(dir.resolve("fax.pdf"), FaxFixtures.pdf(java.util.Collections.nCopies(pages, form), 204, 196));
    }

    @Test
    void aReadingInterruptedInItsFirstZoneReadsNoFurtherZoneAndEnds(@TempDir Path dir) throws Exception {
        Path fax = fax(dir, 3);
        AtomicInteger zones = new AtomicInteger();
        CountDownLatch inFirstZone = new CountDownLatch(1);
        engine.beforeEachZone(() -> {
            if (zones.incrementAndGet() == 1) {
                inFirstZone.countDown();
                try {
                    // held here until the test interrupts the thread, as a caller's timeout would
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                outcome.set(engine.read(fax));
            } catch (Throwable e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "reader");
        reader.start();
        assertThat(inFirstZone.await(GUARD_MINUTES, TimeUnit.MINUTES)).isTrue();

        reader.interrupt();
        reader.join(TimeUnit.MINUTES.toMillis(GUARD_MINUTES));

        assertThat(reader.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(ReadingInterruptedException.class);
        assertThat(zones.get()).as("zones begun, of %d fields on each of 3 pages", FaxFixtures.template().fields().size())
                .isEqualTo(1);
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aThreadAlreadyInterruptedReadsNothing(@TempDir Path dir) throws Exception {
        Path fax = fax(dir, 1);
        AtomicInteger zones = new AtomicInteger();
        engine.beforeEachZone(zones::incrementAndGet);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.read(fax)).isInstanceOf(ReadingInterruptedException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(zones.get()).isZero();
    }

    @Test
    void aReadingNotInterruptedIsTheSameWithTheHookAsWithout(@TempDir Path dir) throws Exception {
        Path fax = fax(dir, 1);
        FaxReading plain = engine.read(fax);
        AtomicInteger zones = new AtomicInteger();
        engine.beforeEachZone(zones::incrementAndGet);

        FaxReading counted = engine.read(fax);

        assertThat(zones.get()).isEqualTo(FaxFixtures.template().fields().size());
        assertThat(counted.pages()).isEqualTo(plain.pages());
        assertThat(counted.forms()).isEqualTo(plain.forms());
        assertThat(counted.forms()).hasSize(1);
        assertThat(List.copyOf(counted.forms().get(0).fields().keySet())).isNotEmpty();
    }
}
