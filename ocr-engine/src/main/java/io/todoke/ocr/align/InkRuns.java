package io.todoke.ocr.align;

import io.todoke.ocr.image.Gray;

import java.util.Arrays;

/**
 * A mask's ink (non-zero pixels) as horizontal runs, row by row, and the 8-connected component of each run. Pure;
 * what speck removal needs without a label per pixel.
 */
final class InkRuns {

    private int[] rows;
    private int[] starts;
    private int[] ends;
    private int count;

    private InkRuns(int capacity) {
        rows = new int[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    static InkRuns of(Gray mask) {
        InkRuns runs = new InkRuns(1024);
        byte[] px = mask.px();
        int w = mask.width();
        for (int y = 0; y < mask.height(); y++) {
            int at = y * w;
            int x = 0;
            while ((x = nextInk(px, at, x, w)) < w) {
                int start = x;
                while (x < w && px[at + x] != 0) {
                    x++;
                }
                runs.add(y, start, x - 1);
            }
        }
        return runs;
    }

    /** Eight pixels of a byte image read as one long: blank stretches dominate a page and are skipped so. */
    static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());

    /** The next column at or after {@code x} with ink in the row starting at {@code at}, or {@code w}. */
    static int nextInk(byte[] px, int at, int x, int w) {
        while (x + 8 <= w && (long) LONGS.get(px, at + x) == 0L) {
            x += 8;
        }
        while (x < w && px[at + x] == 0) {
            x++;
        }
        return x;
    }

    private void add(int row, int start, int end) {
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        rows[count] = row;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    int row(int run) {
        return rows[run];
    }

    int start(int run) {
        return starts[run];
    }

    /** The run's last ink column (inclusive). */
    int end(int run) {
        return ends[run];
    }

    /**
     * For each run, the pixel count of its 8-connected component: runs on neighbouring rows belong together when
     * their columns overlap or touch diagonally.
     */
    int[] componentAreas() {
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = i;
        }
        // runs are in row order: sweep each row's runs against the previous row's
        int prevFrom = 0;
        int prevTo = 0;
        int i = 0;
        while (i < count) {
            int row = rows[i];
            int rowTo = i;
            while (rowTo < count && rows[rowTo] == row) {
                rowTo++;
            }
            boolean adjacent = prevTo > prevFrom && rows[prevFrom] == row - 1;
            if (adjacent) {
                int p = prevFrom;
                for (int r = i; r < rowTo; r++) {
                    while (p < prevTo && ends[p] + 1 < starts[r]) {
                        p++;
                    }
                    for (int q = p; q < prevTo && starts[q] <= ends[r] + 1; q++) {
                        union(parent, q, r);
                    }
                }
            }
            prevFrom = i;
            prevTo = rowTo;
            i = rowTo;
        }
        int[] size = new int[count];
        for (int r = 0; r < count; r++) {
            size[find(parent, r)] += ends[r] - starts[r] + 1;
        }
        int[] area = new int[count];
        for (int r = 0; r < count; r++) {
            area[r] = size[find(parent, r)];
        }
        return area;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
