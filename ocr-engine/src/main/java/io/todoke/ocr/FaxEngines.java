package io.todoke.ocr;

import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;

import java.nio.file.Path;

/** Where an application gets the engine: the reader of the form library's faxes, as the CLI uses it. */
public final class FaxEngines {

    private FaxEngines() {
    }

    /**
     * An engine reading the forms under {@code templates} with Tesseract's data in {@code tessdata}, refusing before any
     * decoding a file that declares more than {@code limits} allow. Thread-safe; close it to free each thread's
     * Tesseract.
     */
    public static FaxReader open(Path templates, Path tessdata, DecodeLimits limits) {
        return new TodokeEngine(EngineConfig.defaults().withTemplates(templates).withTessdata(tessdata).withLimits(limits));
    }
}
