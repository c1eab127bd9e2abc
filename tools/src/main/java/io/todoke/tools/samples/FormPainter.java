package io.todoke.tools.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws pages as a fax machine scans them: in grey, at the fax's resolution (anisotropic in standard mode), turned by
 * the page's skew (and 180° when it was fed upside down). All drawing is in millimetres of the A4 page.
 */
public final class FormPainter {

    /**
     * How the values are written.
     *
     * @param face        the font of the values
     * @param handwriting whether characters wander (offset, size, slant) like a hand's
     * @param jitterMm    how far a hand's writing wanders, in mm
     * @param marks       how options are marked
     */
    public record Writing(FontBook.Face face, boolean handwriting, double jitterMm, MarkStyle marks) {
    }

    /**
     * One row of a value as drawn, in millimetres of the A4 page: where a PC's PDF would put the same text in its
     * text layer.
     *
     * @param x        left end of the baseline
     * @param baseline baseline
     * @param size     font size (em)
     * @param width    the drawn row's advance width
     */
    public record TextRun(String text, double x, double baseline, double size, double width) {
    }

    private static final double PAGE_W = 210;
    private static final double PAGE_H = 297;

    private FormPainter() {
    }

    /** A white page, with the transform from page millimetres to the scanned pixels set on its graphics. */
    static BufferedImage blankPage(FaxMode mode, double rotationDeg, java.util.function.Consumer<Graphics2D> draw) {
        BufferedImage img = new BufferedImage(mode.widthPx(), mode.heightPx(PAGE_H), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            AffineTransform t = new AffineTransform();
            t.translate((mode.widthPx() - PAGE_W * mode.sx()) / 2, 0);
            t.scale(mode.sx(), mode.sy());
            t.rotate(Math.toRadians(rotationDeg), PAGE_W / 2, PAGE_H / 2);
            g.transform(t);
            g.setColor(Color.BLACK);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The blank form, then the filled form's values and marks (a null form leaves it blank). */
    public static BufferedImage form(FormLayout layout, FilledForm filled, Writing writing, Random rnd, FaxMode mode,
                                     double rotationDeg) {
        return form(layout, filled, writing, rnd, mode, rotationDeg, null);
    }

    /** As above, adding every value row as drawn to {@code runs} (when not null). */
    public static BufferedImage form(FormLayout layout, FilledForm filled, Writing writing, Random rnd, FaxMode mode,
                                     double rotationDeg, List<TextRun> runs) {
        return blankPage(mode, rotationDeg, g -> {
            drawBlankForm(g, layout);
            if (filled != null) {
                drawValues(g, layout, filled, writing, rnd, runs);
            }
        });
    }

    static void drawBlankForm(Graphics2D g, FormLayout layout) {
        Font base = FontBook.font(FontBook.FORM);
        g.setStroke(new BasicStroke(0.25f));
        for (FormLayout.StaticItem s : layout.statics()) {
            Rectangle2D.Double r = new Rectangle2D.Double(s.x(), s.y(), s.w(), s.h());
            if (s.isCheckbox()) {
                g.draw(r);
                continue;
            }
            if (s.border()) {
                g.draw(r);
            }
            if (s.text() == null || s.text().isEmpty()) {
                continue;
            }
            Font f = base.deriveFont(s.bold() ? Font.BOLD : Font.PLAIN, (float) s.size());
            FontRenderContext frc = g.getFontRenderContext();
            double w = f.getStringBounds(s.text(), frc).getWidth();
            double x = switch (s.align() == null ? "left" : s.align()) {
                case "center" -> s.x() + (s.w() - w) / 2;
                case "right" -> s.x() + s.w() - 1 - w;
                default -> s.x() + 1;
            };
            LineMetrics lm = f.getLineMetrics(s.text(), frc);
            double baseline = s.y() + s.h() / 2 + (lm.getAscent() - lm.getDescent()) / 2;
            java.awt.Shape clip = g.getClip();
            g.clip(r);
            g.setFont(f);
            g.drawString(s.text(), (float) x, (float) baseline);
            g.setClip(clip);
        }
    }

    static void drawValues(Graphics2D g, FormLayout layout, FilledForm filled, Writing writing, Random rnd,
                           List<TextRun> runs) {
        for (FormLayout.Field f : layout.fields()) {
            if (f.isMark()) {
                for (FormLayout.Option o : f.options()) {
                    if (filled.marked().getOrDefault(f.key(), List.of()).contains(o.value())) {
                        drawMark(g, o, writing, rnd);
                    }
                }
            } else if (filled.written().containsKey(f.key())) {
                drawText(g, f.box(), filled.written().get(f.key()), writing, rnd, runs);
            }
        }
    }

    private static double jit(Random rnd, Writing w) {
        return w.handwriting() ? (rnd.nextDouble() * 2 - 1) * w.jitterMm() : 0;
    }

    static void drawMark(Graphics2D g, FormLayout.Option o, Writing w, Random rnd) {
        FormLayout.Box m = o.mark();
        FormLayout.Box z = o.zone();
        g.setStroke(new BasicStroke(w.handwriting() ? 0.5f : 0.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double x = m.x() + jit(rnd, w) / 2;
        double y = m.y() + jit(rnd, w) / 2;
        double mw = m.w();
        double mh = m.h();
        switch (w.marks()) {
            case CHECK -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + 0.6, y + mh * 0.55);
                p.lineTo(x + mw * 0.4, y + mh - 0.4);
                p.lineTo(x + mw + 0.6 + jit(rnd, w) / 2, y - 0.6 + jit(rnd, w) / 2);
                g.draw(p);
            }
            case CROSS -> {
                g.draw(new Line2D.Double(x + 0.3, y + 0.3, x + mw - 0.3, y + mh - 0.3));
                g.draw(new Line2D.Double(x + mw - 0.3, y + 0.3, x + 0.3, y + mh - 0.3));
            }
            case FILL -> g.fill(new Rectangle2D.Double(x + 0.5, y + 0.5, mw - 1, mh - 1));
            case CIRCLE -> {
                double cw = Math.min(z.w(), 6 + 3.2 * o.label().length());
                g.setStroke(new BasicStroke(w.handwriting() ? 0.45f : 0.35f));
                g.draw(new Ellipse2D.Double(z.x() + jit(rnd, w), z.y() + 0.3 + jit(rnd, w) / 2, cw, z.h() - 0.6));
            }
        }
    }

    /** Writes a value into its cell like render_form.py: shrinking to fit, wrapping where the cell has room. */
    static void drawText(Graphics2D g, FormLayout.Box b, String text, Writing w, Random rnd, List<TextRun> runs) {
        Font font = FontBook.font(w.face());
        FontRenderContext frc = g.getFontRenderContext();
        double width = b.w() - 3;
        double size = Math.min(w.handwriting() ? 4.0 : 3.6, b.h() * 0.8);
        int lines = Math.max(1, (int) (b.h() / (size * 1.3)));
        while (size > 2.2 && measure(font, size, text, frc) > width * lines) {
            size -= 0.1;
            lines = Math.max(1, (int) (b.h() / (size * 1.3)));
        }
        List<String> rows = measure(font, size, text, frc) > width ? wrap(font, size, text, width, frc) : List.of(text);
        double x0 = b.x() + 1.5 + Math.abs(jit(rnd, w)) / 2;
        LineMetrics lm = font.deriveFont((float) size).getLineMetrics(text, frc);
        double baseline = rows.size() == 1
                ? b.y() + b.h() / 2 + (lm.getAscent() - lm.getDescent()) / 2 + jit(rnd, w) / 4
                : b.y() + 0.8 + lm.getAscent();
        for (String row : rows) {
            if (w.handwriting()) {
                drawHand(g, row, x0, baseline, size, w, rnd);
            } else {
                g.setFont(font.deriveFont((float) size));
                g.drawString(row, (float) x0, (float) baseline);
            }
            if (runs != null) {
                runs.add(new TextRun(row, x0, baseline, size, font.deriveFont((float) size).getStringBounds(row, frc).getWidth()));
            }
            baseline += size * 1.25;
        }
    }

    private static void drawHand(Graphics2D g, String row, double x, double baseline, double size, Writing w,
                                 Random rnd) {
        Font face = FontBook.font(w.face());
        Font fallback = FontBook.font(FontBook.FALLBACK);
        double slope = (rnd.nextDouble() * 2 - 1) * 0.02;
        double start = x;
        for (int i = 0; i < row.length(); ) {
            int cp = row.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            Font f = (face.canDisplay(cp) ? face : fallback)
                    .deriveFont((float) (size * (1 + (rnd.nextDouble() * 2 - 1) * 0.07)));
            double dy = (rnd.nextDouble() * 2 - 1) * w.jitterMm() * 0.3 + (x - start) * slope;
            double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * 4);
            AffineTransform saved = g.getTransform();
            g.rotate(angle, x, baseline + dy);
            g.setFont(f);
            g.drawString(ch, (float) x, (float) (baseline + dy));
            g.setTransform(saved);
            x += f.getStringBounds(ch, g.getFontRenderContext()).getWidth() * (0.97 + rnd.nextDouble() * 0.12);
        }
    }

    private static double measure(Font font, double size, String text, FontRenderContext frc) {
        return font.deriveFont((float) size).getStringBounds(text, frc).getWidth() * 1.05;
    }

    private static List<String> wrap(Font font, double size, String text, double width, FontRenderContext frc) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            row.append(text.charAt(i));
            if (measure(font, size, row.toString(), frc) > width && row.length() > 1) {
                rows.add(row.substring(0, row.length() - 1));
                row.setLength(0);
                row.append(text.charAt(i));
            }
        }
        rows.add(row.toString());
        return rows;
    }

    /** The fax cover sheet (送付状) a clinic sends before the forms. */
    public static BufferedImage cover(String to, String toFax, String from, String fromPhone, String date, int pages,
                                      FaxMode mode, double rotationDeg) {
        return blankPage(mode, rotationDeg, g -> {
            Font gothic = FontBook.font(FontBook.PRINT.get(0));
            g.setFont(gothic.deriveFont(Font.BOLD, 12f));
            g.drawString("FAX送付状", 70f, 40f);
            g.setStroke(new BasicStroke(0.4f));
            g.draw(new Line2D.Double(20, 48, 190, 48));
            g.setFont(gothic.deriveFont(4.5f));
            String[] lines = {
                "送信日　" + date,
                "宛先　" + to + "　御中",
                "FAX番号　" + toFax,
                "送信元　" + from,
                "電話番号　" + fromPhone,
                "送信枚数　" + pages + "枚（本紙を含む）",
            };
            float y = 65;
            for (String l : lines) {
                g.drawString(l, 25f, y);
                y += 12;
            }
            g.draw(new Rectangle2D.Double(20, 145, 170, 60));
            g.drawString("通信欄", 25f, 155f);
            g.setFont(gothic.deriveFont(4f));
            g.drawString("新型コロナウイルス感染症発生届を送付いたします。", 25f, 168f);
            g.drawString("ご確認のほどよろしくお願いいたします。", 25f, 176f);
        });
    }
}
