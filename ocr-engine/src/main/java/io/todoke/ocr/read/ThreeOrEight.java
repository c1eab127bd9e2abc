package io.todoke.ocr.read;

import io.todoke.ocr.image.Gray;

/**
 * A printed 3 that a standard-mode fax has made an 8: halving the rows nearly closes the 3's two bays on the left,
 * and both models read a Mincho 078-670-0377 as 0877 at 0.99. What stays is that a bay is open: the white around
 * the character reaches in between its leftmost and rightmost ink, where an 8's loops, closed or filled in by the
 * fax, leave it no way in.
 */
public final class ThreeOrEight {

    /** Grey up to this is ink here: a fax's grey edges close a stroke's hairline breaks, not a 3's bay. */
    static final int INK = 200;
    /**
     * Rows the outside white must reach into before the character is taken for a 3 (seed 22's 3 had 4 at 8 px/mm; on
     * two sets' 8s read, 81 had 2 or more, 57 had 3 or more: a right 8's hairline broken by the fax).
     */
    static final int OPEN_ROWS = 3;

    private ThreeOrEight() {
    }

    /** Whether a character cell read as 8 has the outside white reaching into it on at least {@link #OPEN_ROWS} rows. */
    public static boolean looksLikeThree(Gray cell) {
        return openRows(cell) >= OPEN_ROWS;
    }

    /** Rows of the cell on which the outside white reaches in between the leftmost and rightmost ink. */
    public static int openRows(Gray cell) {
        int w = cell.width();
        int h = cell.height();
        // 0 white not reached from outside, 1 ink, 2 white reached from outside
        byte[] state = new byte[w * h];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) ((cell.px()[i] & 0xFF) < INK ? 1 : 0);
        }
        int[] stack = new int[w * h];
        for (int x = 0; x < w; x++) {
            reach(state, stack, w, h, x);
            reach(state, stack, w, h, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            reach(state, stack, w, h, y * w);
            reach(state, stack, w, h, y * w + w - 1);
        }
        int open = 0;
        for (int y = 0; y < h; y++) {
            int left = -1;
            int right = -1;
            for (int x = 0; x < w; x++) {
                if (state[y * w + x] == 1) {
                    left = left < 0 ? x : left;
                    right = x;
                }
            }
            for (int x = left + 1; left >= 0 && x < right; x++) {
                if (state[y * w + x] == 2) {
                    open++;
                    break;
                }
            }
        }
        return open;
    }

    /** Marks the white 4-connected to {@code start} as reached from outside. */
    private static void reach(byte[] state, int[] stack, int w, int h, int start) {
        if (state[start] != 0) {
            return;
        }
        int top = 0;
        stack[top++] = start;
        state[start] = 2;
        while (top > 0) {
            int p = stack[--top];
            int x = p % w;
            int y = p / w;
            if (x > 0 && state[p - 1] == 0) {
                state[p - 1] = 2;
                stack[top++] = p - 1;
            }
            if (x < w - 1 && state[p + 1] == 0) {
                state[p + 1] = 2;
                stack[top++] = p + 1;
            }
            if (y > 0 && state[p - w] == 0) {
                state[p - w] = 2;
                stack[top++] = p - w;
            }
            if (y < h - 1 && state[p + w] == 0) {
                state[p + w] = 2;
                stack[top++] = p + w;
            }
        }
    }
}
