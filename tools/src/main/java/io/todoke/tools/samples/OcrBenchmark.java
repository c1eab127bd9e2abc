package io.todoke.tools.samples;

import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.UnreadableFaxException;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The OCR benchmark: reads a generated set of faxes with a {@link FaxReader} on all cores (one reader per thread),
 * scores the readings against the truth, times plain {@code tesseract PAGE - -l jpn} on the same pages, and prints
 * Markdown tables.
 *
 * <pre>
 * OcrBenchmark [--reader CLASS] [--reader-arg PATH] [--dir DIR | --generate N --seed S --work DIR]
 *              [--threads T] [--baseline-pages N] [--out FILE.md] [--errors WRONG-FIELDS.tsv]
 *              [--fields ALL-FIELDS.tsv] [--forms FORMS.tsv] [--warmup DIR] [--summary LABEL]
 * </pre>
 * With {@code --summary LABEL}, only {@link BenchmarkScorer#SUMMARY_HEADER} and one row under it are printed: accuracy
 * by fax mode and style and the wrong ok fields, for comparing several generated sets.
 * With {@code --warmup DIR}, the threads first read the faxes of DIR (their truth files name them) before the clock
 * starts, so that pages/s is the steady speed of a running intake, not the JIT compiling the engine (about a tenth of
 * the CPU of a 200-fax run from a cold JVM). The warm-up set must not be the measured one.
 * The reader is CLASS, made with: a constructor taking a Path when --reader-arg is given; else a public no-argument
 * constructor; else a public static no-argument factory returning it; else a constructor taking one configuration
 * object whose class has a static no-argument method returning its defaults. Without --reader, the one
 * {@code ServiceLoader<FaxReader>} finds. {@link NothingReader} reads nothing: it checks the harness, not an engine.
 */
public final class OcrBenchmark {

    /** Reads no field of any fax: every form comes back missing. For checking the harness end to end. */
    public static final class NothingReader implements FaxReader {
        @Override
        public FaxReading read(Path file) {
            return new FaxReading(file.getFileName().toString(), List.of(), List.of(), List.of());
        }
    }

    /** One fax's reading (null when the reader threw) and how long it took. */
    record Result(FaxTruth truth, FaxReading reading, long nanos, String error) {
    }

    private OcrBenchmark() {
    }

    private static final String USAGE = "usage: OcrBenchmark [--reader CLASS] [--reader-arg PATH]"
            + " [--dir DIR | --generate N --seed S --work DIR] [--threads T] [--baseline-pages N] [--out FILE.md]"
            + " [--layout layout.json] [--errors WRONG-FIELDS.tsv] [--fields ALL-FIELDS.tsv] [--forms FORMS.tsv] [--warmup DIR]"
            + " [--summary LABEL]";

    public static void main(String[] args) throws Exception {
        ToolMain.run(USAGE, () -> run(args));
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = SampleGenerator.parseArgs(args, "reader", "reader-arg", "dir", "generate", "seed",
                "work", "threads", "baseline-pages", "out", "layout", "errors", "fields", "warmup", "summary", "forms");
        FormLayout layout = a.containsKey("layout") ? FormLayout.read(Path.of(a.get("layout"))) : FormLayout.canonical();
        int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Path dir;
        String setName;
        if (a.containsKey("dir")) {
            dir = Path.of(a.get("dir"));
            setName = dir.toString();
        } else {
            int n = Integer.parseInt(a.getOrDefault("generate", "200"));
            long seed = Long.parseLong(a.getOrDefault("seed", "42"));
            dir = Path.of(a.getOrDefault("work", "bench-out/faxes"));
            System.err.printf(Locale.ROOT, "generating %d faxes (seed %d) in %s%n", n, seed, dir);
            new SampleGenerator(layout, SampleGenerator.Options.MIXED).generate(dir, n, seed);
            setName = n + " generated faxes, seed " + seed;
        }
        List<FaxTruth> truths = FaxTruth.readAll(dir);
        if (truths.isEmpty()) {
            throw new IllegalArgumentException("no *.truth.json in " + dir);
        }
        Supplier<FaxReader> readers = readerFactory(a.get("reader"), a.get("reader-arg"));
        String readerName;
        try (FaxReader probe = readers.get()) {
            readerName = probe.getClass().getName();
        }

        List<Path> warmup = List.of();
        if (a.containsKey("warmup")) {
            Path w = Path.of(a.get("warmup"));
            if (w.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--warmup must not be the measured set: " + w);
            }
            warmup = FaxTruth.readAll(w).stream().map(FaxTruth::file).toList();
            if (warmup.isEmpty()) {
                throw new IllegalArgumentException("no *.truth.json in warm-up directory " + w);
            }
        }
        System.err.printf(Locale.ROOT, "reading %d faxes with %s on %d threads (after %d warm-up faxes)%n",
                truths.size(), readerName, threads, warmup.size());
        Run run = readAll(truths, readers, threads, warmup);
        List<Result> results = run.results();
        double seconds = run.seconds();

        BenchmarkScorer scorer = new BenchmarkScorer(layout);
        results.forEach(r -> scorer.add(r.truth(), r.reading()));
        double pagesPerSecond = scorer.pages() / seconds;

        if (a.containsKey("summary")) {
            System.out.println(BenchmarkScorer.SUMMARY_HEADER);
            System.out.println(scorer.summaryRow(a.get("summary")));
            writeErrors(a, scorer);
            return;
        }
        int baselinePages = Integer.parseInt(a.getOrDefault("baseline-pages", "40"));
        double baseline = baselinePages > 0 ? tesseractBaseline(truths, baselinePages, threads) : Double.NaN;

        String title = "OCR benchmark: " + setName + ", " + readerName;
        StringBuilder md = new StringBuilder(scorer.markdown(title, pagesPerSecond, baseline, threads));
        if (!warmup.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nSpeed after a warm-up: the threads read the %d faxes of %s before the"
                    + " clock started (%.1f s of wall time, not counted).%n", warmup.size(), a.get("warmup"),
                    run.warmupSeconds()));
        }
        List<String> errors = results.stream().filter(r -> r.error() != null)
                .map(r -> r.truth().file().getFileName() + ": " + r.error()).limit(10).toList();
        if (!errors.isEmpty()) {
            md.append("\nReader errors (first ").append(errors.size()).append("):\n\n");
            errors.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        System.out.println(md);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), md);
        }
        writeErrors(a, scorer);
    }

    private static void writeErrors(Map<String, String> a, BenchmarkScorer scorer) throws IOException {
        if (a.containsKey("errors")) {
            List<String> lines = new ArrayList<>();
            lines.add("file\tmode\tstyle\tkey\ttype\texpected\tread\traw\tstatus\tconfidence");
            lines.addAll(scorer.wrongFields());
            Files.write(Path.of(a.get("errors")), lines);
        }
        if (a.containsKey("fields")) {
            List<String> lines = new ArrayList<>();
            lines.add("file\tmode\tstyle\tkey\ttype\texpected\tread\traw\tstatus\tconfidence\tright\tmessages");
            lines.addAll(scorer.allFields());
            Files.write(Path.of(a.get("fields")), lines);
        }
        if (a.containsKey("forms")) {
            List<String> lines = new ArrayList<>();
            lines.add("file\tform\tmode\tstyle\tstraight_through\tall_right");
            lines.addAll(scorer.formRows());
            Files.write(Path.of(a.get("forms")), lines);
        }
    }

    static Supplier<FaxReader> readerFactory(String className, String arg) throws ReflectiveOperationException {
        if (className == null) {
            List<ServiceLoader.Provider<FaxReader>> found = ServiceLoader.load(FaxReader.class).stream().toList();
            if (found.size() != 1) {
                throw new IllegalArgumentException("--reader CLASS needed: ServiceLoader found " + found.size()
                        + " FaxReader implementations");
            }
            return () -> found.get(0).get();
        }
        Class<? extends FaxReader> type = Class.forName(className).asSubclass(FaxReader.class);
        if (arg != null) {
            Constructor<? extends FaxReader> ctor = type.getConstructor(Path.class);
            return () -> construct(className, () -> ctor.newInstance(Path.of(arg)));
        }
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 0) {
                return () -> construct(className, () -> type.cast(c.newInstance()));
            }
        }
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && FaxReader.class.isAssignableFrom(m.getReturnType())) {
                return () -> construct(className, () -> (FaxReader) m.invoke(null));
            }
        }
        // A constructor taking one configuration object whose type offers its defaults, e.g. Engine(Config) with a
        // static Config.defaults(): the engine's own defaults, with no coordination needed on a factory's name.
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1) {
                Class<?> config = c.getParameterTypes()[0];
                for (java.lang.reflect.Method m : config.getMethods()) {
                    if (java.lang.reflect.Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                            && m.getReturnType() == config) {
                        return () -> construct(className, () -> type.cast(c.newInstance(m.invoke(null))));
                    }
                }
            }
        }
        throw new IllegalArgumentException(className + " has no public no-argument constructor, static factory, or"
                + " constructor taking a configuration with a static defaults method");
    }

    private interface ReflectiveSupplier {
        FaxReader get() throws ReflectiveOperationException;
    }

    private static FaxReader construct(String className, ReflectiveSupplier s) {
        try {
            return s.get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + className, e);
        }
    }

    /**
     * The readings in truth order, the wall time of reading them (readers already constructed and warmed up), and the
     * wall time of making the readers and warming them up.
     */
    record Run(List<Result> results, double seconds, double warmupSeconds) {
    }

    /**
     * Reads every fax on {@code threads} threads, each with its own reader (engines are not shared across threads),
     * made on that thread before the clock starts so that loading models and templates is not counted per page. The
     * threads read {@code warmup} first, also before the clock; what they read there is not kept.
     */
    static Run readAll(List<FaxTruth> truths, Supplier<FaxReader> readers, int threads, List<Path> warmup)
            throws Exception {
        Result[] out = new Result[truths.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(threads + 1);
        java.util.concurrent.atomic.AtomicInteger nextWarmup = new java.util.concurrent.atomic.AtomicInteger();
        long warmupStart = System.nanoTime();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                FaxReader reader = null;
                try {
                    try {
                        reader = readers.get();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    if (reader != null) {
                        warmUp(reader, warmup, nextWarmup);
                    }
                    ready.await();
                    if (reader == null) {
                        return;
                    }
                    for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                        FaxTruth t1 = truths.get(i);
                        long t0 = System.nanoTime();
                        try {
                            out[i] = new Result(t1, reader.read(t1.file()), System.nanoTime() - t0, null);
                        } catch (UnreadableFaxException | RuntimeException e) {
                            out[i] = new Result(t1, null, System.nanoTime() - t0, e.toString());
                        }
                    }
                } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                    failures.add(e);
                } finally {
                    if (reader != null) {
                        reader.close();
                    }
                }
            }, "bench-reader-" + t);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long start = System.nanoTime();
        double warmupSeconds = (start - warmupStart) / 1e9;
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                IllegalStateException e = new IllegalStateException("fax " + truths.get(i).file() + " was not read");
                failures.forEach(e::addSuppressed);
                throw e;
            }
        }
        return new Run(List.of(out), seconds, warmupSeconds);
    }

    /**
     * Reads the warm-up faxes, shared among the threads like the measured ones; a fax the reader refuses is as good a
     * warm-up as any.
     */
    private static void warmUp(FaxReader reader, List<Path> faxes, java.util.concurrent.atomic.AtomicInteger next) {
        for (int i = next.getAndIncrement(); i < faxes.size(); i = next.getAndIncrement()) {
            Path fax = faxes.get(i);
            try {
                reader.read(fax);
            } catch (UnreadableFaxException | RuntimeException e) {
                System.err.println("warm-up fax " + fax + " not read: " + e);
            }
        }
    }

    /**
     * Pages per second of plain {@code tesseract PAGE.png - -l jpn} (one OpenMP thread per process, as many processes
     * as threads) on the first pages of the set, turned into PNG with square pixels beforehand (not timed).
     */
    static double tesseractBaseline(List<FaxTruth> truths, int maxPages, int threads) throws Exception {
        Path tmp = Files.createTempDirectory("todoke-baseline");
        List<Path> pngs = new ArrayList<>();
        try {
            for (FaxTruth t : truths) {
                List<FaxPages.Page> pages = FaxPages.read(t.file());
                for (int i = 0; i < pages.size() && pngs.size() < maxPages; i++) {
                    Path png = tmp.resolve(String.format(Locale.ROOT, "page-%04d.png", pngs.size()));
                    ImageIO.write(pages.get(i).squarePixels(), "png", png.toFile());
                    pngs.add(png);
                }
                if (pngs.size() >= maxPages) {
                    break;
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (Path png : pngs) {
                    runs.add(pool.submit(() -> {
                        ProcessBuilder pb = new ProcessBuilder("tesseract", png.toString(), "-", "-l", "jpn")
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                        pb.environment().put("OMP_THREAD_LIMIT", "1");
                        return pb.start().waitFor();
                    }));
                }
                for (Future<Integer> f : runs) {
                    if (f.get() != 0) {
                        System.err.println("tesseract exited with " + f.get());
                        return Double.NaN;
                    }
                }
            } finally {
                pool.shutdown();
            }
            return pngs.size() / ((System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            System.err.println("tesseract baseline not run: " + e.getMessage());
            return Double.NaN;
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }
}
