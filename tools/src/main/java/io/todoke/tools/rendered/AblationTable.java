package io.todoke.tools.rendered;

import io.todoke.ocr.steps.Steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ablation table of {@code make bench}: what each of the reader's steps adds on each sample path, from the field
 * TSVs OcrBenchmark wrote for the calibration sets with every step on and with each step switched off in turn
 * ({@code -Dtodoke.steps.off=NAME}). A step's worth is the set with it on minus the set without it: fields shown right,
 * fields accepted, and wrong fields accepted (negative: silent errors the step prevents).
 *
 * <pre>
 * AblationTable --names                 the step names, one a line (for the script's loop)
 * AblationTable DIR                     DIR/{a,b}-all.fields.tsv and DIR/{a,b}-off-NAME.fields.tsv
 * </pre>
 */
public final class AblationTable {

    private static final List<String> PATHS = List.of("a", "b");

    /** Right, accepted and wrong accepted fields of one run. */
    record Counts(long fields, long right, long ok, long okWrong) {

        static Counts of(Path tsv) throws IOException {
            long fields = 0;
            long right = 0;
            long ok = 0;
            long okWrong = 0;
            List<String> lines = Files.readAllLines(tsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] row = line.split("\t", -1);
                boolean isRight = Boolean.parseBoolean(row[10]);
                fields++;
                right += isRight ? 1 : 0;
                if (row[8].equals("OK")) {
                    ok++;
                    okWrong += isRight ? 0 : 1;
                }
            }
            return new Counts(fields, right, ok, okWrong);
        }
    }

    private AblationTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--names")) {
            Steps.names().forEach(System.out::println);
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: AblationTable --names | AblationTable DIR");
            System.exit(2);
        }
        System.out.print(table(Path.of(args[0])));
    }

    static String table(Path dir) throws IOException {
        Map<String, Counts> all = new LinkedHashMap<>();
        for (String p : PATHS) {
            all.put(p, Counts.of(dir.resolve(p + "-all.fields.tsv")));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "With every step on: path A %s; path B %s.%n%n", summary(all.get("a")),
                summary(all.get("b"))));
        out.append("What each step adds (every step on minus that step off; wrong accepted: negative is silent errors "
                + "the step prevents):\n\n");
        out.append("| step | A right | A accepted | A wrong accepted | B right | B accepted | B wrong accepted | pays on |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        List<String> onlyOne = new ArrayList<>();
        for (String step : Steps.names()) {
            StringBuilder row = new StringBuilder("| " + step + " |");
            List<String> pays = new ArrayList<>();
            boolean measured = true;
            for (String p : PATHS) {
                Path off = dir.resolve(p + "-off-" + step + ".fields.tsv");
                if (!Files.exists(off)) {
                    row.append(" – | – | – |");
                    measured = false;
                    continue;
                }
                Counts on = all.get(p);
                Counts without = Counts.of(off);
                long right = on.right() - without.right();
                long ok = on.ok() - without.ok();
                long wrong = on.okWrong() - without.okWrong();
                row.append(String.format(Locale.ROOT, " %s | %s | %s |", signed(right), signed(ok), signed(wrong)));
                if (right > 0 || wrong < 0 || ok > 0 && wrong <= 0) {
                    pays.add(p.toUpperCase(Locale.ROOT));
                }
            }
            String verdict = !measured ? "not measured" : pays.isEmpty() ? "neither (on these sets)"
                    : pays.size() == 2 ? "both" : pays.get(0) + " only";
            if (measured && pays.size() == 1) {
                onlyOne.add(step);
            }
            out.append(row).append(' ').append(verdict).append(" |\n");
        }
        out.append('\n');
        out.append(onlyOne.isEmpty() ? "No step pays on one path only.\n"
                : "Pays on one path only: " + String.join(", ", onlyOne) + ".\n");
        return out.toString();
    }

    private static String summary(Counts c) {
        return String.format(Locale.ROOT, "%d fields, %d right, %d accepted, %d wrong accepted", c.fields(), c.right(),
                c.ok(), c.okWrong());
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : String.valueOf(v);
    }
}
