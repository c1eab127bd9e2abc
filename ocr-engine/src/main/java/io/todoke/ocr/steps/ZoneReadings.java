package io.todoke.ocr.steps;

import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.read.ZoneReader;
import io.todoke.ocr.read.ZoneText;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A zone's readings, each made the first time a step asks for it and remembered for the next: the first reading (made
 * by {@link ZoneReader#read}), the same with the recogniser's per-character alternatives, readings at other scales
 * and the other model's. A reading costs a few tens of milliseconds; the recogniser reads the same image the same
 * way, so a reading asked for twice is made once.
 */
public final class ZoneReadings {

    private final TesseractEngine engine;
    private ZoneText zone;
    private final Map<String, OcrText> made = new HashMap<>();

    public ZoneReadings(TesseractEngine engine, ZoneText zone) {
        this.engine = engine;
        this.zone = zone;
    }

    /** The zone as read first (with alternatives once {@link #withAlternatives()} was asked for). */
    public ZoneText zone() {
        return zone;
    }

    /** Whether the settings read a zone more than once ({@code verifyScale} above 0): only then do steps ask for more. */
    public boolean verifiable() {
        return zone.settings().verifyScale() > 0;
    }

    /** The first reading. */
    public OcrText first() {
        return zone.reading();
    }

    /** Turns the first reading into the same reading made with the recogniser's per-character alternatives. */
    public void withAlternatives() {
        if (zone.alternatives() || zone.empty()) {
            return;
        }
        OcrText again = remembered(ALTERNATIVES, () -> ZoneReader.withAlternatives(engine, zone).reading());
        zone = new ZoneText(zone.raw(), zone.confidence(), zone.inkFraction(), false, zone.writing(), zone.settings(), again,
                zone.lines(), true);
    }

    /** The writing read again enlarged by the settings' {@code verifyScale}, alternatives as the settings have them. */
    public OcrText enlarged() {
        return at(zone.settings().verifyScale());
    }

    /** The writing read again at {@code factor} times the first reading's scale. */
    public OcrText at(double factor) {
        return remembered(atKey(factor), () -> ZoneReader.again(engine, zone, factor));
    }

    /** A check reading at {@code factor} times the first reading's scale, without per-character alternatives. */
    public OcrText checkAt(double factor) {
        return remembered(checkKey(factor), () -> ZoneReader.check(engine, zone, factor));
    }

    /** The check reading at the settings' {@code verifyScale}. */
    public OcrText enlargedCheck() {
        return checkAt(zone.settings().verifyScale());
    }

    /** The other model's reading (null where the settings name none or it is not installed). */
    public OcrText otherModel() {
        return remembered(OTHER, () -> ZoneReader.inOtherLanguage(engine, zone));
    }

    /** The other model's check reading, without per-character alternatives (null as {@link #otherModel()}). */
    public OcrText otherModelCheck() {
        return remembered(OTHER_CHECK, () -> ZoneReader.checkInOtherLanguage(engine, zone));
    }

    /** A reading as if made already (for tests): {@code key} as {@link #at}, {@link #checkAt} or the other model name it. */
    ZoneReadings given(String key, OcrText reading) {
        made.put(key, reading);
        return this;
    }

    static String atKey(double factor) {
        return "at " + factor;
    }

    static String checkKey(double factor) {
        return "check " + factor;
    }

    static final String ALTERNATIVES = "alternatives";
    static final String OTHER = "other";
    static final String OTHER_CHECK = "other check";

    private OcrText remembered(String key, Supplier<OcrText> reading) {
        if (made.containsKey(key)) {
            return made.get(key);
        }
        OcrText r = reading.get();
        made.put(key, r);
        return r;
    }
}
