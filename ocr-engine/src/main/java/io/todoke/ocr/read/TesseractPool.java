package io.todoke.ocr.read;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One {@link TesseractEngine} per calling thread, created on first use and all closed together. The caller's
 * threads are the workers; the pool never hands a thread's engine to another thread. An engine holds tens of MB of
 * native memory, so the engines of threads that have ended are closed whenever another thread asks for its first:
 * a caller that reads each file on a new thread keeps as many engines as it has live threads, not one per file.
 */
public final class TesseractPool implements AutoCloseable {

    private final Path tessdata;
    private final Map<Thread, TesseractEngine> byThread = new IdentityHashMap<>();
    private final ThreadLocal<TesseractEngine> mine;
    private volatile boolean closed;

    public TesseractPool(Path tessdata) {
        this.tessdata = tessdata;
        this.mine = ThreadLocal.withInitial(this::create);
    }

    private TesseractEngine create() {
        synchronized (byThread) {
            if (closed) {
                throw new IllegalStateException("Tesseract pool is closed");
            }
            closeEnginesOfEndedThreads();
            TesseractEngine e = new TesseractEngine(tessdata);
            byThread.put(Thread.currentThread(), e);
            return e;
        }
    }

    private void closeEnginesOfEndedThreads() {
        for (Iterator<Map.Entry<Thread, TesseractEngine>> it = byThread.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Thread, TesseractEngine> e = it.next();
            if (!e.getKey().isAlive()) {
                e.getValue().close();
                it.remove();
            }
        }
    }

    public TesseractEngine engine() {
        return mine.get();
    }

    /** Engines held, one per thread that read and has not ended or whose end was not yet noticed. */
    int size() {
        synchronized (byThread) {
            return byThread.size();
        }
    }

    /** Closes every thread's engine; call only when no thread is reading any more. */
    @Override
    public void close() {
        synchronized (byThread) {
            closed = true;
            byThread.values().forEach(TesseractEngine::close);
            byThread.clear();
        }
    }
}
