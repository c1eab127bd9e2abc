package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each character of a printed line lies, given what the line says. Tesseract's LSTM gives character boxes
 * that are often a sliver beside the character or a neighbour's, so a character's shape cannot be cut from them.
 * Printed Japanese is set on a grid instead: a kanji or kana takes one pitch, a digit or Latin letter about half.
 * The cuts between characters are chosen together (dynamic programming) to fall on columns without ink while keeping
 * each character's width near its expected share of the line.
 */
public final class CharacterCells {

    /** A cut through a column of ink costs this much per share of the line's height inked in that column. */
    static final double INK_CUT = 4.0;
    /** A character may be this much narrower or wider than expected, as a share of its expected width. */
    static final double MIN_WIDTH = 0.4;
    static final double MAX_WIDTH = 1.7;

    private CharacterCells() {
    }

    /**
     * Characters' places in a line: character k spans columns {@code cuts[k]} to {@code cuts[k + 1]} (exclusive);
     * {@code clear[k]} when neither of its cuts passes through ink, so the cell holds that character whole and
     * nothing of its neighbours.
     */
    public record Cells(int[] cuts, boolean[] clear) {

        /** Share of the characters whose cells are clear: low when the text does not line up with the writing. */
        public double clearShare() {
            int n = 0;
            for (boolean c : clear) {
                n += c ? 1 : 0;
            }
            return clear.length == 0 ? 0 : (double) n / clear.length;
        }
    }

    /** Below this share of clear cells a text is taken not to line up with the writing. */
    static final double MIN_CLEAR = 0.75;

    /**
     * The printed characters of {@code text}, one per non-white-space character, each cut from its line of writing
     * where the text says it is (null where its cell is not clear); null when the text's lines are not the writing's
     * or do not line up with it.
     */
    public static List<GlyphMatcher.Shape> shapes(List<Gray> lines, String text) {
        List<Gray> crops = crops(lines, text);
        return crops == null ? null : crops.stream().map(c -> c == null ? null : GlyphMatcher.shape(c)).toList();
    }

    /** {@link #shapes}' cells as cut from the line (null where not clear), full line height. */
    public static List<Gray> crops(List<Gray> lines, String text) {
        String[] rows = text.strip().split("\n");
        if (rows.length != lines.size()) {
            return null;
        }
        List<Gray> out = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            Gray line = lines.get(r);
            Cells cells = cells(line, rows[r]);
            if (cells == null || cells.clearShare() < MIN_CLEAR) {
                return null;
            }
            for (int k = 0; k < cells.clear().length; k++) {
                out.add(cells.clear()[k] ? ZoneReader.crop(line, cells.cuts()[k], 0,
                        cells.cuts()[k + 1] - cells.cuts()[k], line.height(), 0) : null);
            }
        }
        return out;
    }

    /** {@link #cuts} with each cell judged clear or not. */
    public static Cells cells(Gray line, String text) {
        int[] cuts = cuts(line, text);
        if (cuts == null) {
            return null;
        }
        boolean[] inked = new boolean[cuts.length];
        for (int k = 1; k < cuts.length - 1; k++) {
            for (int y = 0; y < line.height() && !inked[k]; y++) {
                inked[k] = line.get(cuts[k], y) < 128;
            }
        }
        boolean[] clear = new boolean[cuts.length - 1];
        for (int k = 0; k < clear.length; k++) {
            clear[k] = !inked[k] && !inked[k + 1];
        }
        return new Cells(cuts, clear);
    }

    /**
     * The cuts of {@code line} (one line of writing, dark on light) into {@code text}'s characters: one more column
     * than the text has characters other than white space, the first the start of the ink, the last its end
     * (exclusive). White space in the text is a gap of any width without ink (the space between a family and a given
     * name), which goes to the character before it. Null when there is no ink or the line is too short for the text.
     */
    public static int[] cuts(Gray line, String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        int w = line.width();
        int h = line.height();
        int[] ink = new int[w];
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (line.get(x, y) < 128) {
                    ink[x]++;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        int left = 0;
        while (left < w && ink[left] == 0) {
            left++;
        }
        int right = w;
        while (right > left && ink[right - 1] == 0) {
            right--;
        }
        int n = t.length();
        if (n == 0 || left >= right) {
            return null;
        }
        double units = 0;
        int gaps = 0;
        for (int k = 0; k < n; k++) {
            if (t.charAt(k) == ' ') {
                gaps++;
            } else {
                units += fullWidth(t.charAt(k)) ? 1 : 0.5;
            }
        }
        // the spaces are the widest runs without ink: the rest of the line is set at the pitch
        double pitch = (right - left - widestBlankRuns(ink, left, right, gaps)) / units;
        double height = Math.max(1, bottom - top + 1);
        if (pitch * 0.5 * MIN_WIDTH < 1) {
            return null;
        }
        // best[k][x]: cheapest placing of the first k characters and gaps ending at column x
        double[][] best = new double[n + 1][w + 1];
        int[][] from = new int[n + 1][w + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][left] = 0;
        for (int k = 0; k < n; k++) {
            boolean gap = t.charAt(k) == ' ';
            double expected = (fullWidth(t.charAt(k)) ? 1 : 0.5) * pitch;
            int lo = gap ? 0 : (int) Math.max(1, Math.floor(expected * MIN_WIDTH));
            int hi = gap ? right : (int) Math.ceil(expected * MAX_WIDTH);
            for (int x = left; x < right; x++) {
                if (best[k][x] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int end = x + lo; end <= Math.min(right, x + hi); end++) {
                    if (gap && end > x && ink[end - 1] > 0) {
                        break;
                    }
                    double dev = gap ? 0 : (end - x - expected) / pitch;
                    // an empty gap cuts where the character before it ended, already paid for
                    double cut = end == right || end == x ? 0 : INK_CUT * ink[end] / height;
                    double c = best[k][x] + dev * dev + cut;
                    if (c < best[k + 1][end]) {
                        best[k + 1][end] = c;
                        from[k + 1][end] = x;
                    }
                }
            }
        }
        if (best[n][right] == Double.POSITIVE_INFINITY) {
            return null;
        }
        int[] at = new int[n + 1];
        at[n] = right;
        for (int k = n; k > 0; k--) {
            at[k - 1] = from[k][at[k]];
        }
        // a gap's columns go to the character before it: its cut is where the next character starts
        int[] out = new int[n + 1 - gaps];
        int j = 0;
        for (int k = 0; k <= n; k++) {
            if (k == 0 || t.charAt(k - 1) != ' ') {
                out[j++] = at[k];
            } else {
                out[j - 1] = at[k];
            }
        }
        return out;
    }

    /** Total width of the {@code count} widest runs of columns without ink between {@code left} and {@code right}. */
    static int widestBlankRuns(int[] ink, int left, int right, int count) {
        if (count == 0) {
            return 0;
        }
        List<Integer> runs = new ArrayList<>();
        for (int x = left; x < right; ) {
            int start = x;
            while (x < right && ink[x] == 0) {
                x++;
            }
            if (x > start) {
                runs.add(x - start);
            }
            x++;
        }
        runs.sort(java.util.Comparator.reverseOrder());
        int total = 0;
        for (int i = 0; i < Math.min(count, runs.size()); i++) {
            total += runs.get(i);
        }
        return total;
    }

    /** Whether a character takes a full pitch: kanji, kana and full-width forms do; ASCII and half-width kana half. */
    static boolean fullWidth(char c) {
        return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFF9F);
    }
}
