package io.todoke.tools.rendered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Risk and coverage of the engine's confidence, per sample path: if every field not held back (no problem, no doubt:
 * status {@code OK}, or {@code LOW_CONFIDENCE} for want of confidence alone, its confidence above the doubt cap) were
 * accepted from a confidence on, what share of all fields would be accepted (coverage) and what share of those would
 * be wrong (risk). The baseline for an acceptance model: today's per-type thresholds give one point of each curve
 * (the last row). Reads the discipline part's set list.
 *
 * <pre>RiskCoverage SETS.tsv   (rows: path, role, label, fields.tsv, forms.tsv)</pre>
 */
public final class RiskCoverage {

    /** Confidences at which the curve is tabled, most demanding first. */
    static final double[] CUTS = {0.999, 0.995, 0.99, 0.985, 0.98, 0.975, 0.97, 0.95, 0.9, 0.8};
    /** A field held back by a doubt is capped at this (or lower): it is no candidate at any confidence. */
    static final double DOUBT_CAP = 0.5;

    /** A field that could be accepted: its confidence and whether its value is right. */
    record Point(double confidence, boolean right) {
    }

    private RiskCoverage() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String[]>> byPath = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] set = line.split("\t");
            if (set.length >= 4 && set[1].equals("calibration")) {
                byPath.computeIfAbsent(set[0], k -> new ArrayList<>()).addAll(BenchDiscipline.rows(Path.of(set[3])));
            }
        }
        System.out.print(table(byPath));
    }

    static String table(Map<String, List<String[]>> byPath) {
        StringBuilder out = new StringBuilder("Risk and coverage of the confidence on the calibration sets (accepted "
                + "share of all fields / wrong share of the accepted, were every field not held back by a problem or "
                + "doubt accepted from that confidence on):\n\n| confidence from |");
        StringBuilder rule = new StringBuilder("| ---: |");
        byPath.keySet().forEach(p -> {
            out.append(" path ").append(p).append(" coverage | path ").append(p).append(" risk |");
            rule.append(" ---: | ---: |");
        });
        out.append('\n').append(rule).append('\n');
        Map<String, List<Point>> points = new LinkedHashMap<>();
        Map<String, long[]> today = new LinkedHashMap<>();
        byPath.forEach((p, rows) -> {
            List<Point> candidates = new ArrayList<>();
            long ok = 0;
            long okWrong = 0;
            for (String[] row : rows) {
                boolean right = Boolean.parseBoolean(row[10]);
                if (row[8].equals("OK")) {
                    ok++;
                    okWrong += right ? 0 : 1;
                }
                double conf = row[9].isEmpty() ? 0 : Double.parseDouble(row[9]);
                if ((row[8].equals("OK") || row[8].equals("LOW_CONFIDENCE")) && conf > DOUBT_CAP) {
                    candidates.add(new Point(conf, right));
                }
            }
            candidates.sort(Comparator.comparingDouble(Point::confidence).reversed());
            points.put(p, candidates);
            today.put(p, new long[] {rows.size(), ok, okWrong});
        });
        for (double cut : CUTS) {
            out.append(String.format(Locale.ROOT, "| %.3f |", cut));
            byPath.forEach((p, rows) -> {
                long accepted = points.get(p).stream().filter(x -> x.confidence() >= cut).count();
                long wrong = points.get(p).stream().filter(x -> x.confidence() >= cut && !x.right()).count();
                out.append(cells(rows.size(), accepted, wrong));
            });
            out.append('\n');
        }
        out.append("| today's decision (`ok`) |");
        today.forEach((p, t) -> out.append(cells(t[0], t[1], t[2])));
        out.append('\n');
        return out.toString();
    }

    private static String cells(long fields, long accepted, long wrong) {
        return String.format(Locale.ROOT, " %.1f %% | %s |", fields == 0 ? 0 : 100.0 * accepted / fields,
                accepted == 0 ? "–" : String.format(Locale.ROOT, "%d in %d (%.2f %%)", wrong, accepted,
                        100.0 * wrong / accepted));
    }
}
