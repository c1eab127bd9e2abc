package io.todoke.ocr.engine;

import io.todoke.ocr.image.Gray;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A page as a PNG for the clerk's view of the original: 1-bit (dark below 128) for a 1-bit fax, 8-bit grey for a
 * greyscale or colour original, which a 1-bit image would break up. Written directly rather than through ImageIO,
 * whose PNG writer tries every row filter on every row and took a fifth as long as reading the whole form; a fax
 * page is runs of white that deflate well unfiltered, a grey page deflates well after the one cheap filter (Sub).
 * Pure.
 */
final class PagePng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PagePng() {
    }

    /** A 1-bit page, or an 8-bit grey one when {@code grey}. */
    static byte[] encode(Gray page, boolean grey) {
        return grey ? encodeGrey(page) : encode(page);
    }

    /** 8-bit grey, each row Sub-filtered (each byte less the one to its left). */
    static byte[] encodeGrey(Gray page) {
        int w = page.width();
        int h = page.height();
        byte[] raw = new byte[(w + 1) * h];
        byte[] px = page.px();
        for (int y = 0; y < h; y++) {
            int row = y * (w + 1);
            int src = y * w;
            raw[row] = 1; // filter: Sub
            raw[row + 1] = px[src];
            for (int x = 1; x < w; x++) {
                raw[row + 1 + x] = (byte) (px[src + x] - px[src + x - 1]);
            }
        }
        return png(w, h, 8, raw);
    }

    static byte[] encode(Gray page) {
        int w = page.width();
        int h = page.height();
        int stride = (w + 7) / 8;
        byte[] raw = new byte[(stride + 1) * h];
        byte[] px = page.px();
        for (int y = 0; y < h; y++) {
            // filter byte 0 (none), then the row's bits, most significant first, 1 = white (a byte of 128 or more,
            // whose sign bit is set): eight pixels to a byte without a branch per pixel
            int row = y * (stride + 1) + 1;
            int src = y * w;
            int x = 0;
            for (; x + 8 <= w; x += 8) {
                int s = src + x;
                raw[row + (x >> 3)] = (byte) ((px[s] >>> 31 << 7) | (px[s + 1] >>> 31 << 6) | (px[s + 2] >>> 31 << 5)
                        | (px[s + 3] >>> 31 << 4) | (px[s + 4] >>> 31 << 3) | (px[s + 5] >>> 31 << 2)
                        | (px[s + 6] >>> 31 << 1) | (px[s + 7] >>> 31));
            }
            for (; x < w; x++) {
                raw[row + (x >> 3)] |= (byte) ((px[src + x] >>> 31) << (7 - (x & 7)));
            }
        }
        return png(w, h, 1, raw);
    }

    private static byte[] png(int w, int h, int bitDepth, byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 8 + 64);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = (byte) bitDepth;
        header[9] = 0; // greyscale; compression, filter and interlace 0
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
