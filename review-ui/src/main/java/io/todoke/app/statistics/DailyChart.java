package io.todoke.app.statistics;

import java.util.List;
import java.util.Map;

import io.todoke.search.CaseStatistics.DailyCounts;

/**
 * New cases per day as a stacked bar chart in inline SVG, drawn on the server: no script and no CDN, and it prints.
 */
public final class DailyChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 320;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 48;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private DailyChart() {
    }

    public static String svg(DailyCounts counts) {
        List<Long> totals = counts.totals();
        long max = Math.max(1, totals.stream().mapToLong(Long::longValue).max().orElse(1));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        int days = Math.max(1, counts.days().size());
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / days;
        double bar = Math.max(1, slot * 0.8);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"日別新規患者数（区別）\">");
        for (long y = 0; y <= top; y += step) {
            double py = TOP + plotH - plotH * y / top;
            s.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT,
                    WIDTH - RIGHT, py, py));
            s.append(String.format("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d</text>",
                    LEFT - 4, py + 4, y));
        }
        int labelEvery = Math.max(1, (int) Math.ceil(days / 15.0));
        int i = 0;
        for (var day : counts.days()) {
            double x = LEFT + slot * i + (slot - bar) / 2;
            double base = TOP + plotH;
            int colour = 0;
            for (Map.Entry<String, List<Long>> ward : counts.counts().entrySet()) {
                long n = ward.getValue().get(i);
                if (n > 0) {
                    double h = plotH * n / top;
                    base -= h;
                    s.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                    + "<title>%s %s: %d</title></rect>", x, base, bar, h,
                            COLOURS[colour % COLOURS.length], day, escape(ward.getKey()), n));
                }
                colour++;
            }
            if (i % labelEvery == 0) {
                s.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                        x + bar / 2, HEIGHT - BOTTOM + 14, day.toString().substring(5)));
            }
            i++;
        }
        int colour = 0;
        double lx = LEFT;
        for (String ward : counts.counts().keySet()) {
            s.append(String.format("<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", lx,
                    HEIGHT - 18, COLOURS[colour % COLOURS.length]));
            s.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", lx + 13, HEIGHT - 9,
                    escape(ward)));
            lx += 20 + 12 * ward.length();
            colour++;
        }
        return s.append("</svg>").toString();
    }

    static long niceStep(long max) {
        long step = 1;
        while (max / step > 8) {
            step = step == 1 ? 2 : step % 2 == 0 && String.valueOf(step).startsWith("2") ? step / 2 * 5 : step * 2;
        }
        return step;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
