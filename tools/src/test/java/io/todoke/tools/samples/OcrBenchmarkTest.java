package io.todoke.tools.samples;

import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcrBenchmarkTest {

    /** A reader configured the way the engine is: a constructor taking a config with static defaults. */
    public static final class ConfiguredReader implements FaxReader {
        public record Config(String name) {
            public static Config defaults() {
                return new Config("defaults");
            }
        }

        final Config config;

        public ConfiguredReader(Config config) {
            this.config = config;
        }

        @Override
        public FaxReading read(Path file) {
            return new FaxReading(file.toString(), List.of(), List.of(), List.of());
        }
    }

    /** Records which thread each instance is used on, and that it is closed. */
    public static final class ThreadCountingReader implements FaxReader {
        static final Set<Long> THREADS = ConcurrentHashMap.newKeySet();
        static final AtomicInteger MADE = new AtomicInteger();
        static final AtomicInteger CLOSED = new AtomicInteger();
        private final long owner = Thread.currentThread().getId();

        public ThreadCountingReader() {
            MADE.incrementAndGet();
        }

        @Override
        public FaxReading read(Path file) {
            assertThat(Thread.currentThread().getId()).isEqualTo(owner);
            THREADS.add(owner);
            return new FaxReading(file.toString(), List.of(), List.of(), List.of());
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }

    @Test
    void makesAReaderFromAConstructorTakingAConfigWithDefaults() throws Exception {
        FaxReader r = OcrBenchmark.readerFactory(ConfiguredReader.class.getName(), null).get();
        assertThat(((ConfiguredReader) r).config.name()).isEqualTo("defaults");
    }

    @Test
    void refusesAClassThatIsNotAFaxReader() {
        assertThatThrownBy(() -> OcrBenchmark.readerFactory(String.class.getName(), null))
                .isInstanceOf(ClassCastException.class);
    }

    @Test
    void eachThreadReadsWithItsOwnReaderAndEveryReaderIsClosed(@TempDir Path dir) throws Exception {
        SampleGenerator g = new SampleGenerator(FormLayout.canonical(), SampleGenerator.Options.MIXED);
        for (int i = 0; i < 10; i++) {
            SampleGenerator.FaxSpec spec = g.plan(3, i);
            Files.write(dir.resolve(spec.name() + ".truth.json"), g.truthJson(spec));
        }
        List<OcrBenchmark.Result> results = OcrBenchmark.readAll(FaxTruth.readAll(dir),
                OcrBenchmark.readerFactory(ThreadCountingReader.class.getName(), null), 2, List.of()).results();
        assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.reading()).isNotNull());
        assertThat(results).extracting(r -> r.truth().file().getFileName().toString())
                .startsWith("fax-0001.pdf").isSorted();
        assertThat(ThreadCountingReader.MADE.get()).isEqualTo(2);
        assertThat(ThreadCountingReader.THREADS.size()).isBetween(1, 2);
        assertThat(ThreadCountingReader.CLOSED.get()).isEqualTo(2);
    }

    /** Counts the reads of each file, and on which reader instance. */
    public static final class ReadCountingReader implements FaxReader {
        static final java.util.Map<String, AtomicInteger> READS = new ConcurrentHashMap<>();

        @Override
        public FaxReading read(Path file) {
            READS.computeIfAbsent(file.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
            return new FaxReading(file.toString(), List.of(), List.of(), List.of());
        }
    }

    @Test
    void theWarmUpFaxesAreReadOnceBeforeTheMeasuredOnesAndAreNotResults(@TempDir Path dir) throws Exception {
        SampleGenerator g = new SampleGenerator(FormLayout.canonical(), SampleGenerator.Options.MIXED);
        Path measured = Files.createDirectories(dir.resolve("measured"));
        for (int i = 0; i < 6; i++) {
            SampleGenerator.FaxSpec spec = g.plan(3, i);
            Files.write(measured.resolve(spec.name() + ".truth.json"), g.truthJson(spec));
        }
        List<Path> warmup = List.of(dir.resolve("warm-a.pdf"), dir.resolve("warm-b.tif"), dir.resolve("warm-c.pdf"));
        OcrBenchmark.Run run = OcrBenchmark.readAll(FaxTruth.readAll(measured),
                OcrBenchmark.readerFactory(ReadCountingReader.class.getName(), null), 2, warmup);
        assertThat(run.results()).hasSize(6)
                .noneMatch(r -> r.truth().file().getFileName().toString().startsWith("warm"));
        List<String> read = new java.util.ArrayList<>(List.of("warm-a.pdf", "warm-b.tif", "warm-c.pdf"));
        run.results().forEach(r -> read.add(r.truth().file().getFileName().toString()));
        assertThat(ReadCountingReader.READS).containsOnlyKeys(read);
        assertThat(ReadCountingReader.READS.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(run.warmupSeconds()).isPositive();
    }
}
