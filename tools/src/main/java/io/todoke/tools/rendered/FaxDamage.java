package io.todoke.tools.rendered;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * What a fax machine and a worn line do to a 300 dpi grey page: slight skew, scanning at the fax resolution, uneven
 * toner (a lighter band, a threshold that drifts), speckle, and damaged scan lines (dropped to white, smeared, or
 * repeated). The result is 1-bit at the fax resolution.
 */
public final class FaxDamage {

    /** How hard this page is hit; drawn per page. */
    public record Damage(double skewDeg, int threshold, double tonerBand, double speckle, int damagedLines) {
        public static Damage draw(Random rnd, boolean fine) {
            return new Damage((rnd.nextDouble() - 0.5) * 2.4, (fine ? 120 : 150) + rnd.nextInt(50),
                    rnd.nextDouble() * 40, 0.00005 + rnd.nextDouble() * 0.0004, rnd.nextInt(5));
        }
    }

    private FaxDamage() {
    }

    public static BufferedImage apply(BufferedImage grey300, int xdpi, int ydpi, Damage d, Random rnd) {
        int w = (int) Math.round(grey300.getWidth() * xdpi / 300.0);
        int h = (int) Math.round(grey300.getHeight() * ydpi / 300.0);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.rotate(Math.toRadians(d.skewDeg()), w / 2.0, h / 2.0);
        g.drawImage(grey300, 0, 0, w, h, null);
        g.dispose();

        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        int bandStart = rnd.nextInt(w);
        int bandWidth = 40 + rnd.nextInt(200);
        for (int y = 0; y < h; y++) {
            int drift = (int) Math.round(Math.sin(y * 0.004 + d.tonerBand()) * 10);
            for (int x = 0; x < w; x++) {
                int v = small.getRaster().getSample(x, y, 0);
                if (x >= bandStart && x < bandStart + bandWidth) {
                    v += (int) d.tonerBand();
                }
                boolean black = v < d.threshold() + drift;
                if (rnd.nextDouble() < d.speckle()) {
                    black = !black;
                }
                out.getRaster().setSample(x, y, 0, black ? 0 : 1);
            }
        }
        for (int i = 0; i < d.damagedLines(); i++) {
            int y = 1 + rnd.nextInt(h - 2);
            int from = rnd.nextInt(w / 2);
            int to = from + rnd.nextInt(w - from);
            int kind = rnd.nextInt(3);
            for (int x = from; x < to; x++) {
                int v = switch (kind) {
                    case 0 -> 1;
                    case 1 -> out.getRaster().getSample(x, y - 1, 0);
                    default -> rnd.nextInt(6) == 0 ? 0 : out.getRaster().getSample(x, y, 0);
                };
                out.getRaster().setSample(x, y, 0, v);
            }
        }
        return out;
    }

    /** Writes a 1-bit image as binary PBM (P4), which libtiff's ppm2tiff reads. */
    public static void writePbm(BufferedImage bits, Path file) throws IOException {
        int w = bits.getWidth();
        int h = bits.getHeight();
        int rowBytes = (w + 7) / 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("P4\n" + w + " " + h + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[rowBytes];
            for (int y = 0; y < h; y++) {
                java.util.Arrays.fill(row, (byte) 0);
                for (int x = 0; x < w; x++) {
                    if (bits.getRaster().getSample(x, y, 0) == 0) {
                        row[x >> 3] |= (byte) (0x80 >> (x & 7));
                    }
                }
                out.write(row);
            }
        }
    }
}
