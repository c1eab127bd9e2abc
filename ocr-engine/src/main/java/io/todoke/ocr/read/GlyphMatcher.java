package io.todoke.ocr.read;

import io.todoke.ocr.align.Gray;
import io.todoke.ocr.align.OpenCvLoader;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a printed character in an image looks like a given character: the character is drawn in each of the
 * print fonts at hand, scaled into the printed one's box keeping its proportions, and the overlap of their ink
 * measured (Dice coefficient). Where the recogniser took 木 for 本, drawing both settles it: the stroke it missed is
 * on the page. Not thread-safe (a glyph cache); one per reading thread.
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

    private static final int GLYPH_PX = 64;
    private static final int CACHE = 20_000;

    private final List<Font> fonts = new ArrayList<>();
    private final Map<String, Gray> glyphs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Gray> eldest) {
            return size() > CACHE;
        }
    };

    public GlyphMatcher(List<Path> fontFiles) {
        for (Path p : fontFiles) {
            if (Files.isRegularFile(p)) {
                try {
                    fonts.add(Font.createFont(Font.TRUETYPE_FONT, p.toFile()).deriveFont((float) GLYPH_PX));
                } catch (FontFormatException | IOException e) {
                    System.getLogger(GlyphMatcher.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot load font " + p + ": " + e.getMessage());
                }
            }
        }
    }

    public boolean isEmpty() {
        return fonts.isEmpty();
    }

    /**
     * The best overlap, over the fonts, of {@code ch} drawn into the box of the printed character {@code crop}
     * (its ink's bounding box); 0 where no font draws it in like proportions.
     */
    public double similarity(Gray crop, String ch) {
        double aspect = (double) crop.width() / Math.max(1, crop.height());
        double best = 0;
        for (int f = 0; f < fonts.size(); f++) {
            Gray glyph = glyph(f, ch);
            if (glyph == null) {
                continue;
            }
            double own = (double) glyph.width() / glyph.height();
            if (Math.max(own, aspect) / Math.min(own, aspect) > MAX_ASPECT_RATIO) {
                continue;
            }
            best = Math.max(best, dice(crop, fit(glyph, crop.width(), crop.height())));
        }
        return best;
    }

    private Gray glyph(int font, String ch) {
        String key = font + ":" + ch;
        if (glyphs.containsKey(key)) {
            return glyphs.get(key);
        }
        Gray g = render(fonts.get(font), ch);
        glyphs.put(key, g);
        return g;
    }

    /** The character drawn large and cut to its ink; null when the font has no ink for it. */
    private static Gray render(Font font, String ch) {
        if (font.canDisplayUpTo(ch) != -1) {
            return null;
        }
        int size = GLYPH_PX * 2;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setColor(Color.BLACK);
            g.setFont(font);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawString(ch, GLYPH_PX / 4, GLYPH_PX * 3 / 2);
        } finally {
            g.dispose();
        }
        Gray gray = Gray.of(img);
        int minX = size;
        int minY = size;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (gray.get(x, y) < 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : ZoneReader.crop(gray, minX, minY, maxX - minX + 1, maxY - minY + 1, 0);
    }

    /** The glyph resized to the box (proportions are close enough, checked by the caller). */
    private static Gray fit(Gray glyph, int w, int h) {
        OpenCvLoader.load();
        org.opencv.core.Mat src = glyph.toMat();
        org.opencv.core.Mat dst = new org.opencv.core.Mat();
        try {
            org.opencv.imgproc.Imgproc.resize(src, dst, new org.opencv.core.Size(Math.max(1, w), Math.max(1, h)), 0, 0,
                    org.opencv.imgproc.Imgproc.INTER_AREA);
            return Gray.of(dst);
        } finally {
            src.release();
            dst.release();
        }
    }

    /** Overlap of the two images' ink (darker than 160): 2|A∩B| / (|A| + |B|). */
    static double dice(Gray a, Gray b) {
        int n = Math.min(a.px().length, b.px().length);
        int both = 0;
        int inA = 0;
        int inB = 0;
        for (int i = 0; i < n; i++) {
            boolean x = (a.px()[i] & 0xFF) < 160;
            boolean y = (b.px()[i] & 0xFF) < 160;
            if (x) {
                inA++;
            }
            if (y) {
                inB++;
            }
            if (x && y) {
                both++;
            }
        }
        return inA + inB == 0 ? 0 : 2.0 * both / (inA + inB);
    }
}
