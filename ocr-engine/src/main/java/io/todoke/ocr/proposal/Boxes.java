package io.todoke.ocr.proposal;

import io.todoke.ocr.template.MmBox;

/** Geometry of boxes in millimetres. */
public final class Boxes {

    private Boxes() {
    }

    public static boolean contains(MmBox b, double x, double y) {
        return x >= b.x() && x <= b.x() + b.w() && y >= b.y() && y <= b.y() + b.h();
    }

    public static double overlapX(MmBox a, MmBox b) {
        return Math.max(0, Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x()));
    }

    public static double overlapY(MmBox a, MmBox b) {
        return Math.max(0, Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y()));
    }

    public static double iou(MmBox a, MmBox b) {
        double i = overlapX(a, b) * overlapY(a, b);
        double u = a.w() * a.h() + b.w() * b.h() - i;
        return u <= 0 ? 0 : i / u;
    }

    /** Whether {@code inner}, shrunk by {@code slackMm} on every side, lies inside {@code outer}. */
    public static boolean inside(MmBox inner, MmBox outer, double slackMm) {
        return inner.x() + slackMm >= outer.x() && inner.y() + slackMm >= outer.y()
                && inner.x() + inner.w() - slackMm <= outer.x() + outer.w()
                && inner.y() + inner.h() - slackMm <= outer.y() + outer.h();
    }

    public static MmBox shifted(MmBox b, double dx, double dy) {
        return new MmBox(b.x() + dx, b.y() + dy, b.w(), b.h());
    }

    public static double centreX(MmBox b) {
        return b.x() + b.w() / 2;
    }

    public static double centreY(MmBox b) {
        return b.y() + b.h() / 2;
    }
}
