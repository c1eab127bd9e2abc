package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much a printed character in an image looks like a given character: the character is drawn in each of the
 * print fonts at hand, both are scaled to one small square keeping nothing but their ink, and the overlap of their
 * ink measured (Dice coefficient). Where the recogniser took 木 for 本, drawing both settles it: the stroke it missed is
 * on the page. Drawn characters are kept as 32×32 bit masks, so comparing one with a printed character is a few
 * dozen machine words: cheap enough to try every character a dictionary proposes. Thread-safe: drawn characters are
 * shared by every matcher of the same fonts.
 */
public final class GlyphMatcher {

    /**
     * Print fonts of Debian's packages: the Mincho and Gothic faces clinics' forms are printed in look like these
     * (IPAex's faces are near enough to IPA's that drawing them too cost time and changed nothing measurable).
     */
    public static final List<Path> DEBIAN_PRINT_FONTS = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"),
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"));

    /** A drawn character whose proportions differ from the printed one's by more than this factor is not it. */
    static final double MAX_ASPECT_RATIO = 1.35;

    /** Side of the square both are compared in: a kanji's strokes stay apart at 32 (of 64 bits a row, one word). */
    static final int SIDE = 32;
    /** A cell of the square is ink when at least this share of the pixels it covers is. */
    private static final double INK_SHARE = 0.35;

    private static final int GLYPH_PX = 64;
    private static final Shape NONE = new Shape(new long[SIDE * SIDE / 64], 1, 0);
    /**
     * Drawn characters by font files, shared by all matchers of the same fonts: reading threads propose the same
     * characters, and a font draws at most its own character set (some 20,000, 300 bytes each).
     */
    private static final Map<List<Path>, Map<String, Shape[]>> DRAWN = new ConcurrentHashMap<>();

    private final List<Font> fonts;
    private final Map<String, Shape[]> glyphs;

    /**
     * A character's ink scaled into the square: bit {@code y * SIDE + x}; {@code aspect} is the ink's width over its
     * height before scaling, {@code ink} its bit count.
     */
    public record Shape(long[] bits, double aspect, int ink) {
    }

    public GlyphMatcher(List<Path> fontFiles) {
        glyphs = DRAWN.computeIfAbsent(List.copyOf(fontFiles), k -> new ConcurrentHashMap<>());
        fonts = load(fontFiles);
    }

    /** The fonts of the files that exist and load, at the size characters are drawn in; a bad file is logged. */
    static List<Font> load(List<Path> fontFiles) {
        List<Font> out = new ArrayList<>();
        for (Path p : fontFiles) {
            if (Files.isRegularFile(p)) {
                try {
                    out.add(Font.createFont(Font.TRUETYPE_FONT, p.toFile()).deriveFont((float) GLYPH_PX));
                } catch (FontFormatException | IOException e) {
                    System.getLogger(GlyphMatcher.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot load font " + p + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return fonts.isEmpty();
    }

    /** The printed character's shape (its ink, darker than 128, cut to its bounding box); null when there is no ink. */
    public static Shape shape(Gray crop) {
        int[] box = crop.inkBox();
        return box == null ? null : squared(crop, box[0], box[1], box[2], box[3]);
    }

    /** {@link #similarity(Shape, String)} of the printed character in {@code crop}. */
    public double similarity(Gray crop, String ch) {
        Shape s = shape(crop);
        return s == null ? 0 : similarity(s, ch);
    }

    /**
     * The best overlap, over the fonts, of {@code ch} as drawn with the printed character; 0 where no font draws it
     * in like proportions.
     */
    public double similarity(Shape printed, String ch) {
        double best = 0;
        for (int f = 0; f < fonts.size(); f++) {
            best = Math.max(best, similarity(printed, ch, f));
        }
        return best;
    }

    /** Number of fonts drawn in. */
    public int fontCount() {
        return fonts.size();
    }

    /** {@link #similarity(Shape, String)} in one font (index into the font files that loaded). */
    public double similarity(Shape printed, String ch, int font) {
        Shape glyph = glyphs(ch)[font];
        if (glyph == NONE || Math.max(glyph.aspect(), printed.aspect()) / Math.min(glyph.aspect(), printed.aspect())
                > MAX_ASPECT_RATIO) {
            return 0;
        }
        return dice(printed, glyph);
    }

    private Shape[] glyphs(String ch) {
        Shape[] s = glyphs.get(ch);
        if (s == null) {
            // two threads may draw the same character at once: the drawings are equal, either may stay
            s = new Shape[fonts.size()];
            for (int f = 0; f < fonts.size(); f++) {
                Shape g = render(fonts.get(f), ch);
                s[f] = g == null ? NONE : g;
            }
            glyphs.put(ch, s);
        }
        return s;
    }

    /** The character drawn large, cut to its ink and squared; null when the font has no ink for it. */
    private static Shape render(Font font, String ch) {
        if (font.canDisplayUpTo(ch) != -1) {
            return null;
        }
        return shape(draw(font, ch, GLYPH_PX * 2, GLYPH_PX / 4, GLYPH_PX * 3 / 2));
    }

    /** {@code ch} drawn black, antialiased, on a white square of {@code side} pixels with its baseline at (x, y). */
    static Gray draw(Font font, String ch, int side, int x, int y) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            g.setFont(font);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawString(ch, x, y);
        } finally {
            g.dispose();
        }
        return Gray.of(img);
    }

    /**
     * The box's ink scaled into the square by area: each cell is ink when enough of the pixels it covers are, and a
     * box smaller than the square is enlarged (each cell takes the pixel under its centre).
     */
    private static Shape squared(Gray g, int x0, int y0, int w, int h) {
        long[] bits = new long[SIDE * SIDE / 64];
        int ink = 0;
        for (int ty = 0; ty < SIDE; ty++) {
            int ya = y0 + ty * h / SIDE;
            int yb = Math.max(ya + 1, y0 + (ty + 1) * h / SIDE);
            for (int tx = 0; tx < SIDE; tx++) {
                int xa = x0 + tx * w / SIDE;
                int xb = Math.max(xa + 1, x0 + (tx + 1) * w / SIDE);
                int dark = 0;
                for (int y = ya; y < yb; y++) {
                    for (int x = xa; x < xb; x++) {
                        if (g.get(x, y) < 128) {
                            dark++;
                        }
                    }
                }
                if (dark >= INK_SHARE * (yb - ya) * (xb - xa)) {
                    int bit = ty * SIDE + tx;
                    bits[bit >> 6] |= 1L << (bit & 63);
                    ink++;
                }
            }
        }
        return new Shape(bits, (double) w / h, ink);
    }

    /** Overlap of the two shapes' ink: 2|A∩B| / (|A| + |B|). */
    static double dice(Shape a, Shape b) {
        int both = 0;
        for (int i = 0; i < a.bits().length; i++) {
            both += Long.bitCount(a.bits()[i] & b.bits()[i]);
        }
        return a.ink() + b.ink() == 0 ? 0 : 2.0 * both / (a.ink() + b.ink());
    }
}
