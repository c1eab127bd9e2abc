package io.todoke.ocr;

import java.nio.file.Path;

/**
 * Reads a fax file into form readings. Implementations are thread-safe: each thread gets its own
 * Tesseract handle, because sharing one crashed the JVM.
 */
public interface FaxReader extends AutoCloseable {

    FaxReading read(Path file) throws UnreadableFaxException;

    @Override
    default void close() {
    }
}
