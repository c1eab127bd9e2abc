package io.todoke.tools.samples;

import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares readings with the truth and tallies what the benchmark reports. Not thread-safe: feed it from one thread.
 */
public final class BenchmarkScorer {

    /** How many of something were right. */
    public static final class Tally {
        long total;
        long right;

        void add(boolean ok) {
            total++;
            if (ok) {
                right++;
            }
        }

        public long total() {
            return total;
        }

        public long right() {
            return right;
        }

        public double rate() {
            return total == 0 ? Double.NaN : (double) right / total;
        }
    }

    /** Field tallies of one group (a type, a mode, a style). */
    public static final class Group {
        final Tally fields = new Tally();
        long ok;
        long okWrong;
        long emptyButWritten;

        public Tally fields() {
            return fields;
        }

        public long okFields() {
            return ok;
        }

        public long silentErrors() {
            return okWrong;
        }

        /** Fields accepted as ok whose value is wrong, per 1,000 ok fields. */
        public double silentPerThousand() {
            return ok == 0 ? Double.NaN : okWrong * 1000.0 / ok;
        }
    }

    private final FormLayout layout;
    private final Group all = new Group();
    private final Map<String, Group> byType = new TreeMap<>();
    private final Map<String, Group> byModeStyle = new TreeMap<>();
    private final Map<String, Tally> straightThroughByModeStyle = new TreeMap<>();
    private final Tally marks = new Tally();
    private final Map<String, Tally> marksByStyle = new TreeMap<>();
    private final Tally straightThrough = new Tally();
    private final Tally pageKinds = new Tally();
    private final Tally pageRotations = new Tally();
    private long straightThroughWrong;
    private long faxes;
    private long pages;
    private long unreadable;
    private final List<String> silentExamples = new ArrayList<>();
    private final List<String> wrongFields = new ArrayList<>();
    private final List<String> allFields = new ArrayList<>();
    private final List<String> formRows = new ArrayList<>();

    public BenchmarkScorer(FormLayout layout) {
        this.layout = layout;
    }

    /** Scores one fax; a null reading is a fax the reader threw on (every field of it counts as wrong). */
    public void add(FaxTruth truth, FaxReading reading) {
        faxes++;
        pages += truth.pages().size();
        if (reading == null) {
            unreadable++;
        }
        String group = truth.channel() + " / " + truth.style();
        if (reading != null) {
            for (FaxTruth.Page p : truth.pages()) {
                PageClassification c = reading.pages().stream().filter(x -> x.page() == p.page()).findFirst().orElse(null);
                pageKinds.add(c != null && c.kind().json().equals(p.kind()));
                pageRotations.add(c != null && c.rotation() == p.rotation());
            }
        } else {
            truth.pages().forEach(p -> {
                pageKinds.add(false);
                pageRotations.add(false);
            });
        }
        List<FormReading> forms = reading == null ? List.of() : reading.forms();
        for (int i = 0; i < truth.forms().size(); i++) {
            FaxTruth.Form expected = truth.forms().get(i);
            FormReading read = match(expected, forms, i, truth.forms().size());
            boolean allRight = true;
            for (FormLayout.Field f : layout.fields()) {
                Object want = expected.fields().get(f.key());
                FieldReading got = read == null ? null : read.fields().get(f.key());
                boolean right = got != null && matches(f.type(), want, got.value());
                allRight &= right;
                for (Group g : List.of(all, byType.computeIfAbsent(f.type(), k -> new Group()),
                        byModeStyle.computeIfAbsent(group, k -> new Group()))) {
                    g.fields.add(right);
                    if (got != null && got.status() == FieldStatus.OK) {
                        g.ok++;
                        if (!right) {
                            g.okWrong++;
                        }
                    }
                    if (got != null && got.status() == FieldStatus.EMPTY && !isEmpty(want)) {
                        g.emptyButWritten++;
                    }
                }
                String row = String.join("\t", truth.file().getFileName().toString(), truth.channel(),
                        truth.style(), f.key(), f.type(), tsv(want), got == null ? "" : tsv(got.value()),
                        got == null ? "" : tsv(got.raw()), got == null ? "missing" : got.status().name(),
                        got == null ? "" : String.format(Locale.ROOT, "%.4f", got.confidence()));
                // the messages last: what kept a field from acceptance, for calibrating the rules that doubt it
                allFields.add(row + "\t" + right + "\t" + (got == null ? "" : tsv(String.join(" / ", got.messages()))));
                if (!right) {
                    wrongFields.add(row);
                }
                if (got != null && got.status() == FieldStatus.OK && !right && silentExamples.size() < 20) {
                    silentExamples.add(truth.file().getFileName() + " " + f.key() + ": expected " + want + ", read "
                            + got.value());
                }
                if (f.isMark()) {
                    Collection<?> wanted = options(want);
                    Collection<?> marked = got == null ? List.of() : options(got.value());
                    for (FormLayout.Option o : f.options()) {
                        boolean markRight = got != null && wanted.contains(o.value()) == marked.contains(o.value());
                        marks.add(markRight);
                        marksByStyle.computeIfAbsent(truth.markStyle() + " / " + truth.channel(), k -> new Tally())
                                .add(markRight);
                    }
                }
            }
            boolean ready = read != null && read.readyToConfirm();
            straightThrough.add(ready);
            straightThroughByModeStyle.computeIfAbsent(group, k -> new Tally()).add(ready);
            if (ready && !allRight) {
                straightThroughWrong++;
            }
            formRows.add(String.join("\t", truth.file().getFileName().toString(), String.valueOf(i), truth.channel(),
                    truth.style(), String.valueOf(ready), String.valueOf(allRight)));
        }
    }

    /** The reading of the expected form: the one read from its page, else the one in the same position. */
    private static FormReading match(FaxTruth.Form expected, List<FormReading> forms, int index, int expectedCount) {
        for (FormReading r : forms) {
            if (!r.pages().isEmpty() && r.pages().get(0).equals(expected.pages().get(0))) {
                return r;
            }
        }
        return forms.size() == expectedCount ? forms.get(index) : null;
    }

    private static Collection<?> options(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        return value == null ? List.of() : List.of(value);
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof String s && s.isBlank());
    }

    /** Whether a read value equals the expected one under the README's normalisation rules. */
    public static boolean matches(String type, Object expected, Object actual) {
        if (isEmpty(expected) || isEmpty(actual)) {
            return isEmpty(expected) && isEmpty(actual);
        }
        return switch (type) {
            case "integer" -> asLong(expected) != null && Objects.equals(asLong(expected), asLong(actual));
            case "multi_choice" -> expected instanceof Collection<?> e && actual instanceof Collection<?> a
                    && e.stream().map(String::valueOf).sorted().toList()
                            .equals(a.stream().map(String::valueOf).sorted().toList());
            case "text", "address", "kana" -> squash(expected).equals(squash(actual));
            default -> expected.toString().equals(actual.toString());
        };
    }

    private static Long asLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String squash(Object v) {
        return Normalizer.normalize(v.toString(), Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    public Group all() {
        return all;
    }

    public Tally marks() {
        return marks;
    }

    public Tally straightThrough() {
        return straightThrough;
    }

    public long straightThroughWrong() {
        return straightThroughWrong;
    }

    public Map<String, Group> byType() {
        return byType;
    }

    public Map<String, Tally> marksByStyle() {
        return marksByStyle;
    }

    public Map<String, Group> byModeStyle() {
        return byModeStyle;
    }

    private static String tsv(Object v) {
        return v == null ? "" : v.toString().replace('\t', ' ').replace('\n', ' ');
    }

    /** Every wrong field as a tab-separated line: file, mode, style, key, type, expected, read, raw, status, confidence. */
    public List<String> wrongFields() {
        return wrongFields;
    }

    /**
     * Every field as {@link #wrongFields} lists the wrong ones, with a last column {@code true} or {@code false} for
     * right: what the thresholds are calibrated on (the confidences of right and wrong values by type).
     */
    public List<String> allFields() {
        return allFields;
    }

    public List<String> silentExamples() {
        return silentExamples;
    }

    public long pages() {
        return pages;
    }

    /** The benchmark's Markdown tables; speeds are NaN when not measured. */
    public String markdown(String title, double pagesPerSecond, double baselinePagesPerSecond, int threads) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(title).append("\n\n");
        b.append("| measure | value |\n| --- | --- |\n");
        row(b, "faxes / pages / forms", faxes + " / " + pages + " / " + straightThrough.total);
        row(b, "unreadable faxes (reader threw)", String.valueOf(unreadable));
        row(b, "field accuracy", pct(all.fields));
        row(b, "mark accuracy (option decisions)", pct(marks));
        row(b, "straight-through forms (no field needs review)", pct(straightThrough));
        row(b, "straight-through forms with a wrong value", String.valueOf(straightThroughWrong));
        row(b, "silent errors per 1,000 ok fields", String.format(Locale.ROOT, "%.2f (%d of %d)",
                all.silentPerThousand(), all.okWrong, all.ok));
        row(b, "written fields returned empty", String.valueOf(all.emptyButWritten));
        row(b, "page kind / rotation right", pct(pageKinds) + " / " + pct(pageRotations));
        row(b, "engine pages/s (" + threads + " threads)", String.format(Locale.ROOT, "%.2f", pagesPerSecond));
        if (!Double.isNaN(baselinePagesPerSecond)) {
            row(b, "`tesseract PAGE - -l jpn` pages/s (" + threads + " processes)",
                    String.format(Locale.ROOT, "%.2f", baselinePagesPerSecond));
            row(b, "engine speed / baseline", String.format(Locale.ROOT, "%.2fx", pagesPerSecond / baselinePagesPerSecond));
        }
        b.append("\n### Fields by type\n\n| type | fields | right | accuracy | ok | silent errors / 1,000 ok |"
                + " written but empty |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        byType.forEach((k, g) -> groupRow(b, k, g, null));
        b.append("\n### By fax mode and style\n\n| mode / style | fields | right | accuracy | ok | silent errors / 1,000 ok |"
                + " written but empty | straight-through |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        byModeStyle.forEach((k, g) -> groupRow(b, k, g, straightThroughByModeStyle.get(k)));
        b.append("\n### Marks by mark style and fax mode\n\n| marks / mode | option decisions | right | accuracy |\n"
                + "| --- | ---: | ---: | ---: |\n");
        marksByStyle.forEach((k, t) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f %% |%n", k, t.total,
                t.right, 100 * t.rate())));
        if (!silentExamples.isEmpty()) {
            b.append("\nSilent errors (first ").append(silentExamples.size()).append("):\n\n");
            silentExamples.forEach(s -> b.append("- ").append(s).append('\n'));
        }
        return b.toString();
    }

    private static void groupRow(StringBuilder b, String name, Group g, Tally st) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% | %d | %.2f | %d |", name, g.fields.total,
                g.fields.right, 100 * g.fields.rate(), g.ok, g.silentPerThousand(), g.emptyButWritten));
        if (st != null) {
            b.append(' ').append(pct(st)).append(" |");
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    /** One row per expected form: file, form index, channel, style, ready to confirm (straight through), all right. */
    public List<String> formRows() {
        return List.copyOf(formRows);
    }

    /** The header of {@link #summaryRow}'s table. */
    public static final String SUMMARY_HEADER = "| set | print fine | print standard | handwriting-like fine"
            + " | handwriting-like standard | marks | ok fields (print) | wrong ok fields, print / handwriting-like |\n"
            + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /**
     * One row comparing sets of fax PDFs and TIFFs: field accuracy by fax mode and style, marks, the ok fields and how
     * many of them were wrong, print and handwriting-like apart (the target differs).
     */
    public String summaryRow(String label) {
        long okPrint = 0;
        long wrongPrint = 0;
        long wrongHand = 0;
        for (Map.Entry<String, Group> e : byModeStyle.entrySet()) {
            boolean print = e.getKey().endsWith("/ print");
            okPrint += print ? e.getValue().ok : 0;
            wrongPrint += print ? e.getValue().okWrong : 0;
            wrongHand += print ? 0 : e.getValue().okWrong;
        }
        StringBuilder b = new StringBuilder("| ").append(label);
        for (String key : List.of("fine / print", "standard / print", "fine / handwriting", "standard / handwriting")) {
            Group g = byModeStyle.get(key);
            b.append(" | ").append(g == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * g.fields.rate()));
        }
        return b.append(String.format(Locale.ROOT, " | %.2f %% | %,d (%,d) | %d / %d |", 100 * marks.rate(), all.ok,
                okPrint, wrongPrint, wrongHand)).toString();
    }

    private static String pct(Tally t) {
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * t.rate(), t.right, t.total);
    }
}
