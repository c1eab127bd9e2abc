package io.todoke.tools.samples;

/**
 * The two fax resolutions, and a flatbed scanner's. Both fax modes scan 1728 pixels across (215 mm at 204 dpi);
 * standard mode sends every other line, so its pixels are twice as tall as they are wide. A scan is an A4 page in
 * square pixels.
 */
public enum FaxMode {
    FINE(204, 196),
    STANDARD(204, 98),
    SCAN(200, 200);

    public static final int WIDTH_PX = 1728;

    public final int xdpi;
    public final int ydpi;

    FaxMode(int xdpi, int ydpi) {
        this.xdpi = xdpi;
        this.ydpi = ydpi;
    }

    /** Pixels across the page: a fax line's 1728, or an A4 page's width for a scan. */
    public int widthPx() {
        return this == SCAN ? (int) Math.round(210 * sx()) : WIDTH_PX;
    }

    /** Pixels per millimetre across. */
    public double sx() {
        return xdpi / 25.4;
    }

    /** Pixels per millimetre down. */
    public double sy() {
        return ydpi / 25.4;
    }

    /** Lines of an A4 page (297 mm). */
    public int heightPx(double pageHeightMm) {
        return (int) Math.round(pageHeightMm * sy());
    }

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
