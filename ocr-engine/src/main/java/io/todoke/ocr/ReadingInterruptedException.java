package io.todoke.ocr;

import java.util.concurrent.CancellationException;

/**
 * A reading given up because its thread was interrupted (a caller's timeout cancelled it). The engine checks between
 * pages, between steps of a page and before each zone's recognition, so the thread is free within about one zone's
 * reading; the thread's interrupt status is left set.
 */
public class ReadingInterruptedException extends CancellationException {

    private static final long serialVersionUID = 1L;

    public ReadingInterruptedException() {
        super("reading interrupted");
    }

    /** Throws if the current thread has been interrupted (without clearing its interrupt status). */
    public static void throwIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ReadingInterruptedException();
        }
    }
}
