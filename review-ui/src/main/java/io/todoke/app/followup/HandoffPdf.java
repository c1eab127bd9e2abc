package io.todoke.app.followup;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain A4 PDF of headings and "label: value" lines in a Japanese TrueType font embedded as a subset, lines
 * wrapped to the page and pages added as needed. A character the font lacks is written as 〓 (geta), as Japanese
 * print does, rather than failing the export.
 */
final class HandoffPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float HEADING = 13;
    private static final float LEADING = 1.5f;

    private record Line(String text, float size) {
    }

    private final Path fontFile;
    private final List<Line> lines = new ArrayList<>();

    HandoffPdf(Path fontFile) {
        if (!Files.isRegularFile(fontFile)) {
            throw new IllegalStateException("hand-off font " + fontFile + " not found (todoke.followup.handoff-font; "
                    + "Debian package fonts-ipaexfont-gothic)");
        }
        this.fontFile = fontFile;
    }

    HandoffPdf heading(String text) {
        lines.add(new Line("", SIZE));
        lines.add(new Line(text, HEADING));
        return this;
    }

    HandoffPdf line(String label, String value) {
        lines.add(new Line(label + "：" + (value == null ? "" : value), SIZE));
        return this;
    }

    byte[] write() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            PDPageContentStream page = null;
            float y = 0;
            for (Line line : lines) {
                for (String part : wrap(font, printable(font, line.text()), line.size(), width)) {
                    float step = line.size() * LEADING;
                    if (page == null || y - step < MARGIN) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage p = new PDPage(PDRectangle.A4);
                        doc.addPage(p);
                        page = new PDPageContentStream(doc, p);
                        y = PDRectangle.A4.getHeight() - MARGIN;
                    }
                    y -= step;
                    page.beginText();
                    page.setFont(font, line.size());
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(part);
                    page.endText();
                }
            }
            if (page != null) {
                page.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(Character.isISOControl(cp) ? " " : "〓");
            }
        });
        return out.toString();
    }

    /** Japanese has no spaces to break at: a line breaks at the character that would pass the width. */
    private static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && font.getStringWidth(line + ch) / 1000 * size > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }
}
