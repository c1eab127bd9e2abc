package io.todoke.ocr.read;

import com.sun.jna.Pointer;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.template.OcrSettings;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tesseract through Tess4J's C API with raw 8-bit pixels. Not thread-safe: one per thread (sharing a handle
 * crashed the JVM). The high-level {@code Tesseract} class is avoided on purpose: it converts images through
 * Leptonica functions (lept4j) that Debian's Leptonica 1.82 lacks.
 */
public final class TesseractEngine implements AutoCloseable {

    /** Before libtesseract is loaded (the next field), or its OpenMP calls bind to libgomp. */
    private static final boolean SERIAL_OPENMP = SerialOpenMp.install();
    private static final TessAPI API = TessAPI.INSTANCE;
    /** Whether a reading has shown the stand-ins in use (or that they are not loaded): checked once per process. */
    private static volatile boolean standInsConfirmed = !SERIAL_OPENMP;
    /** Installed traineddata files, checked once per process (engines are made per thread). */
    private static final Map<Path, Boolean> AVAILABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path tessdata;
    private final Map<String, TessBaseAPI> handles = new HashMap<>();
    private final Thread owner = Thread.currentThread();

    public TesseractEngine(Path tessdata) {
        if (!Files.isRegularFile(tessdata.resolve("jpn.traineddata"))) {
            throw new IllegalArgumentException("no jpn.traineddata in tessdata directory " + tessdata
                    + " (install tesseract-ocr-jpn or set the tessdata path)");
        }
        this.tessdata = tessdata;
    }

    /**
     * Whether {@code language}'s traineddata is installed (an optional model missing is logged once, not an error).
     */
    public boolean has(String language) {
        return AVAILABLE.computeIfAbsent(tessdata.resolve(language + ".traineddata"), p -> {
            boolean there = Files.isRegularFile(p);
            if (!there) {
                System.getLogger(TesseractEngine.class.getName()).log(System.Logger.Level.WARNING,
                        "no {0}: doubtful text is read without it (install Debian''s tesseract-ocr-script-jpan)", p);
            }
            return there;
        });
    }

    private TessBaseAPI handle(String language) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Tesseract engine is used by one thread only");
        }
        return handles.computeIfAbsent(language, lang -> {
            TessBaseAPI h = API.TessBaseAPICreate();
            if (API.TessBaseAPIInit2(h, tessdata.toString(), lang, ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                API.TessBaseAPIDelete(h);
                throw new IllegalStateException("cannot initialise Tesseract for language " + lang + " in " + tessdata);
            }
            // the zones are tiny, so don't let Tesseract guess the resolution from them
            API.TessBaseAPISetVariable(h, "user_defined_dpi", "200");
            // writing is always dark on white here; by default Tesseract 5 reads every doubtful line a second time
            // inverted, which doubled the cost of the fields that are hard anyway
            API.TessBaseAPISetVariable(h, "tessedit_do_invert", "0");
            return h;
        });
    }

    /**
     * Reads an 8-bit grey image (dark text on white), with per-character alternatives where the settings have
     * confusions (a strict format chooses among them).
     */
    public OcrText read(Gray image, OcrSettings settings) {
        return read(image, settings, !settings.confusions().isEmpty());
    }

    /**
     * Reads an 8-bit grey image (dark text on white); with {@code alternatives}, each character's alternatives from
     * the LSTM's CTC output too (they cost time, and leave the text and confidences as they are).
     */
    public OcrText read(Gray image, OcrSettings settings, boolean alternatives) {
        // a zone takes several recognitions: an interrupted reading stops at the next one
        io.todoke.ocr.ReadingInterruptedException.throwIfInterrupted();
        TessBaseAPI h = handle(settings.language());
        API.TessBaseAPISetPageSegMode(h, settings.psm());
        API.TessBaseAPISetVariable(h, "tessedit_char_whitelist", settings.whitelist());
        API.TessBaseAPISetVariable(h, "lstm_choice_mode", alternatives ? "2" : "0");
        ByteBuffer buf = ByteBuffer.allocateDirect(image.px().length);
        buf.put(image.px()).flip();
        API.TessBaseAPISetImage(h, buf, image.width(), image.height(), 1, image.width());
        API.TessBaseAPISetSourceResolution(h, 200);
        try {
            if (API.TessBaseAPIRecognize(h, null) != 0) {
                return new OcrText("", 0, List.of());
            }
            if (!standInsConfirmed) {
                standInsConfirmed = true;
                SerialOpenMp.confirmInUse();
            }
            Pointer p = API.TessBaseAPIGetUTF8Text(h);
            String text = p == null ? "" : p.getString(0, "UTF-8");
            if (p != null) {
                API.TessDeleteText(p);
            }
            List<OcrText.Symbol> symbols = symbols(h);
            double min = symbols.stream().mapToDouble(OcrText.Symbol::confidence).min().orElse(0);
            return new OcrText(text.strip(), symbols.isEmpty() ? 0 : min, symbols);
        } finally {
            API.TessBaseAPIClear(h);
        }
    }

    private static List<OcrText.Symbol> symbols(TessBaseAPI h) {
        List<OcrText.Symbol> out = new ArrayList<>();
        ITessAPI.TessResultIterator ri = API.TessBaseAPIGetIterator(h);
        if (ri == null) {
            return out;
        }
        try {
            ITessAPI.TessPageIterator pi = API.TessResultIteratorGetPageIterator(ri);
            int level = ITessAPI.TessPageIteratorLevel.RIL_SYMBOL;
            IntBuffer l = IntBuffer.allocate(1);
            IntBuffer t = IntBuffer.allocate(1);
            IntBuffer r = IntBuffer.allocate(1);
            IntBuffer b = IntBuffer.allocate(1);
            do {
                Pointer p = API.TessResultIteratorGetUTF8Text(ri, level);
                if (p == null) {
                    continue;
                }
                String s = p.getString(0, "UTF-8");
                API.TessDeleteText(p);
                float conf = API.TessResultIteratorConfidence(ri, level);
                API.TessPageIteratorBoundingBox(pi, level, l, t, r, b);
                out.add(new OcrText.Symbol(s, Math.max(0, Math.min(1, conf / 100.0)), l.get(0), t.get(0),
                        r.get(0) - l.get(0), b.get(0) - t.get(0), choices(ri)));
            } while (API.TessPageIteratorNext(pi, level) != 0);
        } finally {
            API.TessResultIteratorDelete(ri);
        }
        return out;
    }

    private static List<OcrText.Choice> choices(ITessAPI.TessResultIterator ri) {
        ITessAPI.TessChoiceIterator ci = API.TessResultIteratorGetChoiceIterator(ri);
        if (ci == null) {
            return List.of();
        }
        List<OcrText.Choice> out = new ArrayList<>();
        try {
            do {
                String s = API.TessChoiceIteratorGetUTF8Text(ci);
                if (s != null && !s.isEmpty()) {
                    out.add(new OcrText.Choice(s, Math.max(0, Math.min(1, API.TessChoiceIteratorConfidence(ci) / 100.0))));
                }
            } while (API.TessChoiceIteratorNext(ci) != 0);
        } finally {
            API.TessChoiceIteratorDelete(ci);
        }
        return out;
    }

    @Override
    public void close() {
        for (TessBaseAPI h : handles.values()) {
            API.TessBaseAPIEnd(h);
            API.TessBaseAPIDelete(h);
        }
        handles.clear();
    }
}
