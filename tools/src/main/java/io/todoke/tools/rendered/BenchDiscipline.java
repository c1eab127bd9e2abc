package io.todoke.tools.rendered;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The calibration/evaluation table of {@code make bench}: the field and form TSVs that OcrBenchmark wrote for each set
 * ({@code --fields}, {@code --forms}), side by side by path (A: Java2D generator, B: rendered), role, style, fax mode
 * and field type. Calibration sets are the only ones a threshold or rule may be fitted on; evaluation sets are for
 * reporting.
 *
 * <pre>BenchDiscipline SETS.tsv   (rows: path, role, label, fields.tsv, forms.tsv)</pre>
 */
public final class BenchDiscipline {

    /** One set's readings. */
    record Set(String path, String role, String label, List<String[]> fields, List<String[]> forms) {
    }

    /** Tallies of a group of field rows and their forms. */
    static final class Tally {
        long fields;
        long right;
        long ok;
        long okWrong;
        long toClerk;
        long forms;
        long straight;

        void field(String[] row) {
            fields++;
            boolean isRight = Boolean.parseBoolean(row[10]);
            right += isRight ? 1 : 0;
            if (row[8].equals("OK")) {
                ok++;
                okWrong += isRight ? 0 : 1;
            }
            toClerk += row[8].equals("LOW_CONFIDENCE") || row[8].equals("INVALID") || row[8].equals("missing") ? 1 : 0;
        }

        void form(String[] row) {
            forms++;
            straight += Boolean.parseBoolean(row[4]) ? 1 : 0;
        }

        String cells(boolean withForms) {
            String base = String.format(Locale.ROOT, "%s | %s | %d | %s", pct(right, fields), pct(ok, fields), okWrong,
                    ok == 0 ? "–" : String.format(Locale.ROOT, "%.1f", okWrong * 1000.0 / ok));
            if (!withForms) {
                return base;
            }
            return String.format(Locale.ROOT, "%d | %d | %s | %s | %s", forms, fields, base,
                    forms == 0 ? "–" : String.format(Locale.ROOT, "%.1f", (double) toClerk / forms), pct(straight, forms));
        }
    }

    private BenchDiscipline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchDiscipline SETS.tsv  (path, role, label, fields.tsv, forms.tsv per row)");
            System.exit(2);
        }
        List<Set> sets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] c = line.split("\t");
            if (c.length == 5 && !line.startsWith("#")) {
                sets.add(new Set(c[0], c[1], c[2], rows(Path.of(c[3])), rows(Path.of(c[4]))));
            }
        }
        System.out.print(markdown(sets));
    }

    static List<String[]> rows(Path tsv) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
            out.add(l.split("\t", -1));
        }
        return out;
    }

    static String markdown(List<Set> sets) {
        StringBuilder b = new StringBuilder();
        b.append("Sets marked **calibration** are the only ones thresholds and rules may be fitted on; **evaluation**")
                .append(" sets are for reporting (path B's come from the held-out fonts and the evaluation half of")
                .append(" names and towns; path A's evaluation set is only another seed of the same generator).\n\n");
        String head = " | forms | fields | shown value right | accepted (ok) | wrong accepted | per 1,000 ok"
                + " | to a clerk per form | straight through |\n";
        b.append("| set | path | role (use)").append(head)
                .append("| --- | --- | ---").append(" | ---:".repeat(8)).append(" |\n");
        for (Set s : sets) {
            Tally t = tally(s, r -> "all");
            b.append("| ").append(s.label()).append(" | ").append(s.path()).append(" | ").append(use(s.role()))
                    .append(" | ").append(t.cells(true)).append(" |\n");
        }
        b.append("\nBy style and fax mode:\n\n| set | style / mode").append(head)
                .append("| --- | ---").append(" | ---:".repeat(8)).append(" |\n");
        for (Set s : sets) {
            tallies(s, r -> r[2] + " / " + r[1]).forEach((k, t) ->
                    b.append("| ").append(s.label()).append(" | ").append(k).append(" | ").append(t.cells(true))
                            .append(" |\n"));
        }
        b.append("\nBy field type (shown value right / accepted / wrong accepted):\n\n| type");
        sets.forEach(s -> b.append(" | ").append(s.label()));
        b.append(" |\n| ---").append(" | ---:".repeat(sets.size())).append(" |\n");
        Map<String, Map<String, Tally>> byType = new TreeMap<>();
        for (Set s : sets) {
            tallies(s, r -> r[4]).forEach((k, t) -> byType.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(s.label(), t));
        }
        byType.forEach((type, per) -> {
            b.append("| ").append(type);
            for (Set s : sets) {
                Tally t = per.get(s.label());
                b.append(" | ").append(t == null ? "–" : pct(t.right, t.fields) + " / " + pct(t.ok, t.fields) + " / "
                        + t.okWrong);
            }
            b.append(" |\n");
        });
        return b.toString();
    }

    private static String use(String role) {
        return role.equals("calibration") ? "**calibration** (fitting)" : "**evaluation** (reporting only)";
    }

    private static Tally tally(Set s, Function<String[], String> key) {
        return tallies(s, key).values().stream().findFirst().orElseGet(Tally::new);
    }

    /** Field rows grouped by key; forms grouped by the same key where it is a form-level one (all, style / mode). */
    private static Map<String, Tally> tallies(Set s, Function<String[], String> key) {
        Map<String, Tally> out = new TreeMap<>();
        for (String[] r : s.fields()) {
            out.computeIfAbsent(key.apply(r), k -> new Tally()).field(r);
        }
        for (String[] f : s.forms()) {
            // forms rows: file, form, mode, style, ready, all right; the same key as a field row of that form
            String[] asField = {f[0], f[2], f[3], "", "", "", "", "", "", "", "", ""};
            Tally t = out.get(key.apply(asField));
            if (t != null) {
                t.form(f);
            }
        }
        return out;
    }

    private static String pct(long n, long of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }
}
