package io.todoke.ocr.align;

/**
 * How a page was moved into a template's frame, step by step as {@link PageAligner} does it: resampled to
 * {@code pxPerMm}, turned by {@code skewDeg} about the centre of its {@code width × height} working image, turned
 * 180° when {@code rotation} says so, then registered ({@code page px = s · template px + t} per axis). Lets
 * anything positioned on the page (a PDF text layer) be placed on the template.
 */
public record PageFrame(double pxPerMm, int width, int height, double skewDeg, int rotation,
                        Registration.Transform transform) {

    /** {x, y} in template millimetres of a point given in page millimetres (from the page's top-left corner). */
    public double[] toTemplateMm(double xMm, double yMm) {
        // OpenCV works in pixel centres: pixel i spans [i, i+1) in millimetres × pxPerMm
        double x = xMm * pxPerMm - 0.5;
        double y = yMm * pxPerMm - 0.5;
        if (Math.abs(skewDeg) > 1e-6) {
            // the forward map of Imgproc.getRotationMatrix2D(centre, skewDeg, 1), as Cleaning.rotate applies it
            double a = Math.cos(Math.toRadians(skewDeg));
            double b = Math.sin(Math.toRadians(skewDeg));
            double cx = width / 2.0;
            double cy = height / 2.0;
            double rx = a * x + b * y + (1 - a) * cx - b * cy;
            double ry = -b * x + a * y + b * cx + (1 - a) * cy;
            x = rx;
            y = ry;
        }
        if (rotation == 180) {
            x = width - 1 - x;
            y = height - 1 - y;
        }
        double tx = (x - transform.tx()) / transform.sx();
        double ty = (y - transform.ty()) / transform.sy();
        return new double[] {(tx + 0.5) / pxPerMm, (ty + 0.5) / pxPerMm};
    }

    /** Template millimetres per page millimetre along x (the registration's scale). */
    public double scaleX() {
        return 1 / transform.sx();
    }

    public double scaleY() {
        return 1 / transform.sy();
    }
}
