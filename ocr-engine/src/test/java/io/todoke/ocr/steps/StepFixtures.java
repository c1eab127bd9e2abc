package io.todoke.ocr.steps;

import io.todoke.ocr.FaxFixtures;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.ZoneText;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's form template, its knowledge, and readings made by hand: a step is tested on the reading where it
 * matters, without the recogniser (a {@link ZoneReadings} whose further readings are given).
 */
final class StepFixtures {

    static final FormTemplate TEMPLATE = FormTemplates.load(FaxFixtures.TEMPLATES).all().get(0);
    private static Knowledge knowledge;

    private StepFixtures() {
    }

    static synchronized Knowledge knowledge() {
        if (knowledge == null) {
            knowledge = new Knowledge(TEMPLATE);
        }
        return knowledge;
    }

    /** A page aligned perfectly. */
    static StepContext context() {
        return new StepContext(TEMPLATE, TEMPLATE.thresholds(), 1.0, new FieldFormat(TEMPLATE), knowledge());
    }

    static FieldSpec field(String key) {
        return TEMPLATE.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    /** A reading of {@code text}, every character read {@code confidence} sure. */
    static OcrText reading(String text, double confidence) {
        List<OcrText.Symbol> symbols = new ArrayList<>();
        int x = 0;
        for (int cp : text.codePoints().toArray()) {
            if (!Character.isWhitespace(cp)) {
                symbols.add(new OcrText.Symbol(new String(Character.toChars(cp)), confidence, x, 0, 20, 28));
            }
            x += 24;
        }
        return new OcrText(text, confidence, symbols);
    }

    /** The field's zone read as {@code first}, its writing {@code line} (null: a blank line). */
    static ZoneReadings readings(FieldSpec f, OcrText first, Gray line) {
        Gray writing = line != null ? line : new Gray(new byte[] {(byte) 255}, 1, 1);
        ZoneText zone = new ZoneText(first.text(), first.confidence(), 0.05, false, writing, TEMPLATE.ocrFor(f), first,
                List.of(writing), true);
        return new ZoneReadings(null, zone);
    }

    /** A candidate as the first reading makes it, before any step. */
    static Candidate candidate(String key, OcrText first, Gray line) {
        FieldSpec f = field(key);
        ZoneReadings readings = readings(f, first, line);
        Interpretation i = context().format().interpret(f, first);
        return new Candidate(f, Candidate.Source.OCR, readings, i.normalised(), i.raw(), i.confidence());
    }

    static Candidate candidate(String key, OcrText first) {
        return candidate(key, first, null);
    }

    /** A line printed in IPA Mincho about 3.5 mm high at 8 px/mm, dark on white, with a margin. */
    static Gray printed(String text) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT,
                Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf").toFile()).deriveFont(28f);
        BufferedImage img = new BufferedImage(24 + 30 * text.length(), 50, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 12, 36);
        g.dispose();
        return Gray.of(img);
    }
}
