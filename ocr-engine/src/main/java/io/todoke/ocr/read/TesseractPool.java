package io.todoke.ocr.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link TesseractEngine} per calling thread, created on first use and all closed together. The caller's
 * threads are the workers; the pool never hands a thread's engine to another thread.
 */
public final class TesseractPool implements AutoCloseable {

    private final Path tessdata;
    private final List<TesseractEngine> all = new ArrayList<>();
    private final ThreadLocal<TesseractEngine> mine;
    private volatile boolean closed;

    public TesseractPool(Path tessdata) {
        this.tessdata = tessdata;
        this.mine = ThreadLocal.withInitial(this::create);
    }

    private TesseractEngine create() {
        synchronized (all) {
            if (closed) {
                throw new IllegalStateException("Tesseract pool is closed");
            }
            TesseractEngine e = new TesseractEngine(tessdata);
            all.add(e);
            return e;
        }
    }

    public TesseractEngine engine() {
        return mine.get();
    }

    /** Closes every thread's engine; call only when no thread is reading any more. */
    @Override
    public void close() {
        synchronized (all) {
            closed = true;
            all.forEach(TesseractEngine::close);
            all.clear();
        }
    }
}
