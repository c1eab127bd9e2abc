package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;

import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a printed digit is the digit read rather than one the recogniser confuses it with (0 with 6, 1 with 7 …),
 * by its pixels: each candidate is drawn in the print fonts as tall as the printed digit, in three stroke weights (a
 * fax's strokes are a sixth of a digit's height, a font's thinner), and its ink overlaid on the printed ink at the
 * best of a few small shifts (Dice coefficient). Round digits are drawn as wide as the printed one too, so that any
 * font's proportions fit; a 1 and a 7 are told apart by their width above all, so where either may be meant they
 * are compared as drawn.
 *
 * <p>It replaced comparing both squared into 32×32 masks ({@link GlyphMatcher}) for this question: on the print
 * digits of two generated sets whose values were read right (2,247 digits), the masks passed 90.7 % of them as read
 * and would have passed 13.8 % had each been misread as a digit it is confused with; this passes 95.5 % and 2.3 %. A
 * Mincho 1 with its foot serif fitted no drawn 1 in the masks (their proportions differ), so every 1 read from it
 * was doubted, and a 7 read from it was not.
 *
 * <p>Thread-safe: drawn digits are shared by every instance with the same fonts.
 */
public final class DigitShapes {

    /** Characters told from their confusions by their width (a 1 from a 7, a slash from a 7). */
    private static final Set<String> TOLD_BY_WIDTH = Set.of("1", "/");
    /** A drawn character is stretched to the printed width only where their widths differ by no more than this factor. */
    private static final double MAX_STRETCH = 1.35;
    /** Stroke weights tried: the drawn character as drawn, and thickened by one and by two pixels all round. */
    private static final int MAX_GROWTH = 2;
    /** Shifts tried either way when overlaying, in pixels: the cells are cut by ink boxes a pixel or two apart. */
    private static final int SHIFT_X = 2;
    private static final int SHIFT_Y = 1;
    /** Ink touching the cell's side and smaller than this share of its ink is a neighbour's tail, not the digit's. */
    private static final double NEIGHBOUR_TAIL = 0.3;

    private static final Map<List<Path>, Map<String, Ink[]>> DRAWN = new ConcurrentHashMap<>();
    private static final Map<List<Path>, Map<String, Ink[]>> PREPARED = new ConcurrentHashMap<>();

    private final List<Font> fonts;
    /** Digits drawn at a height ("8@21"), and those stretched and thickened from them ("8@21x14+1"). */
    private final Map<String, Ink[]> drawn;
    private final Map<String, Ink[]> prepared;

    /** Ink pixels of a character cut to its bounding box. */
    record Ink(boolean[] px, int width, int height, int count) {
    }

    public DigitShapes(List<Path> fontFiles) {
        fonts = GlyphMatcher.load(fontFiles);
        drawn = DRAWN.computeIfAbsent(List.copyOf(fontFiles), k -> new ConcurrentHashMap<>());
        prepared = PREPARED.computeIfAbsent(List.copyOf(fontFiles), k -> new ConcurrentHashMap<>());
    }

    /**
     * Whether {@code read} fits the printed digit in {@code cell} at least as well as each of {@code others}: false
     * where one of them fits better, or nothing is printed.
     */
    public boolean fitsAsRead(Gray cell, String read, Collection<String> others) {
        Ink printed = cell == null ? null : ink(withoutNeighbourTails(cell));
        if (printed == null) {
            return false;
        }
        boolean toWidth = !TOLD_BY_WIDTH.contains(read) && others.stream().noneMatch(TOLD_BY_WIDTH::contains);
        double asRead = similarity(printed, read, toWidth);
        return others.stream().allMatch(o -> similarity(printed, o, toWidth) <= asRead);
    }

    /** The best overlap of {@code ch}, drawn as tall as the printed digit (and as wide: {@code toWidth}), with it. */
    double similarity(Gray cell, String ch, boolean toWidth) {
        Ink printed = ink(withoutNeighbourTails(cell));
        return printed == null ? 0 : similarity(printed, ch, toWidth);
    }

    private double similarity(Ink printed, String ch, boolean toWidth) {
        double best = 0;
        for (int growth = 0; growth <= MAX_GROWTH; growth++) {
            int height = printed.height() - 2 * growth;
            int width = printed.width() - 2 * growth;
            if (height < 4 || toWidth && width < 2) {
                continue;
            }
            for (Ink d : prepared(ch, height, toWidth ? width : 0, growth)) {
                if (d != null) {
                    best = Math.max(best, overlap(printed, d));
                }
            }
        }
        return best;
    }

    /**
     * {@code ch} in each font (null where the font has none, or its width is too far from {@code width}), its ink
     * {@code height} pixels tall, stretched to {@code width} (0: as drawn), then thickened {@code growth} times. A
     * form's digits come in few sizes, so each is prepared once rather than for every cell.
     */
    private Ink[] prepared(String ch, int height, int width, int growth) {
        return prepared.computeIfAbsent(ch + "@" + height + "x" + width + "+" + growth, k -> {
            Ink[] asDrawn = drawn.computeIfAbsent(ch + "@" + height, d -> drawnAtHeight(ch, height));
            Ink[] out = new Ink[fonts.size()];
            for (int f = 0; f < fonts.size(); f++) {
                Ink d = asDrawn[f];
                if (d != null && width > 0) {
                    double ratio = (double) d.width() / width;
                    d = ratio > MAX_STRETCH || ratio < 1 / MAX_STRETCH ? null : stretched(d, width);
                }
                for (int g = 0; d != null && g < growth; g++) {
                    d = thickened(d);
                }
                out[f] = d;
            }
            return out;
        });
    }

    /** {@code ch} in each font (null where the font has none), its ink {@code height} pixels tall. */
    private Ink[] drawnAtHeight(String ch, int height) {
        Ink[] out = new Ink[fonts.size()];
        for (int f = 0; f < fonts.size(); f++) {
            out[f] = drawnAtHeight(fonts.get(f), ch, height);
        }
        return out;
    }

    /** The size is corrected twice at most: a font's ink is about 0.72 of its size for digits. */
    private static Ink drawnAtHeight(Font font, String ch, int height) {
        if (font.canDisplayUpTo(ch) != -1) {
            return null;
        }
        float size = height / 0.72f;
        Ink ink = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int side = (int) (size * 2) + 8;
            ink = ink(GlyphMatcher.draw(font.deriveFont(size), ch, side, side / 4, side * 3 / 4));
            if (ink == null || ink.height() == height) {
                break;
            }
            size = size * height / ink.height();
        }
        return ink;
    }

    /** Best Dice coefficient of the two inks over small shifts about their centres. */
    private static double overlap(Ink printed, Ink drawn) {
        int cx = (printed.width() - drawn.width()) / 2;
        int cy = (printed.height() - drawn.height()) / 2;
        int best = 0;
        for (int oy = cy - SHIFT_Y; oy <= cy + SHIFT_Y; oy++) {
            for (int ox = cx - SHIFT_X; ox <= cx + SHIFT_X; ox++) {
                int both = 0;
                for (int y = Math.max(0, -oy); y < drawn.height() && y + oy < printed.height(); y++) {
                    int row = (y + oy) * printed.width() + ox;
                    for (int x = Math.max(0, -ox); x < drawn.width() && x + ox < printed.width(); x++) {
                        if (drawn.px()[y * drawn.width() + x] && printed.px()[row + x]) {
                            both++;
                        }
                    }
                }
                best = Math.max(best, both);
            }
        }
        return 2.0 * best / (printed.count() + drawn.count());
    }

    /** The ink (darker than 128) cut to its bounding box; null without ink. */
    private static Ink ink(Gray g) {
        int[] box = g.inkBox();
        if (box == null) {
            return null;
        }
        boolean[] px = new boolean[box[2] * box[3]];
        int count = 0;
        for (int y = 0; y < box[3]; y++) {
            for (int x = 0; x < box[2]; x++) {
                if (g.get(box[0] + x, box[1] + y) < 128) {
                    px[y * box[2] + x] = true;
                    count++;
                }
            }
        }
        return new Ink(px, box[2], box[3], count);
    }

    private static Ink stretched(Ink d, int width) {
        if (d.width() == width) {
            return d;
        }
        boolean[] px = new boolean[width * d.height()];
        int count = 0;
        for (int y = 0; y < d.height(); y++) {
            for (int x = 0; x < width; x++) {
                if (d.px()[y * d.width() + x * d.width() / width]) {
                    px[y * width + x] = true;
                    count++;
                }
            }
        }
        return new Ink(px, width, d.height(), count);
    }

    /** One pixel more ink all round (3×3 dilation); the box grows by one pixel on each side. */
    private static Ink thickened(Ink d) {
        int w = d.width() + 2;
        int h = d.height() + 2;
        boolean[] px = new boolean[w * h];
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = false;
                for (int sy = y - 2; sy <= y && !on; sy++) {
                    for (int sx = x - 2; sx <= x && !on; sx++) {
                        on = sx >= 0 && sy >= 0 && sx < d.width() && sy < d.height() && d.px()[sy * d.width() + sx];
                    }
                }
                if (on) {
                    px[y * w + x] = true;
                    count++;
                }
            }
        }
        return new Ink(px, w, h, count);
    }

    /**
     * The cell without ink that touches its left or right side and is a small part of its ink: the tail of a
     * neighbouring character that reaches over the cut (a 2's foot beside a 0) would otherwise widen the digit's box.
     */
    static Gray withoutNeighbourTails(Gray cell) {
        int w = cell.width();
        int h = cell.height();
        int[] label = new int[w * h];
        int[] size = new int[w * h + 1];
        boolean[] atSide = new boolean[w * h + 1];
        int total = 0;
        int components = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < w * h; start++) {
            if (label[start] != 0 || (cell.px()[start] & 0xff) >= 128) {
                continue;
            }
            int id = ++components;
            label[start] = id;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                size[id]++;
                atSide[id] |= x == 0 || x == w - 1;
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int n = ny * w + nx;
                        if (label[n] == 0 && (cell.px()[n] & 0xff) < 128) {
                            label[n] = id;
                            queue.add(n);
                        }
                    }
                }
            }
            total += size[id];
        }
        byte[] px = null;
        for (int p = 0; p < w * h; p++) {
            int id = label[p];
            if (id != 0 && atSide[id] && size[id] < NEIGHBOUR_TAIL * total) {
                if (px == null) {
                    px = cell.px().clone();
                }
                px[p] = (byte) 255;
            }
        }
        return px == null ? cell : new Gray(px, w, h);
    }
}
