package io.todoke.ocr.proposal;

import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field vocabulary of a form library: for every field of every layout, its key and type under its own label
 * and under the label printed beside its cell ({@link LabelFinder} on the layout), and its options' labels.
 */
public final class FieldVocabulary {

    /** One way a field is labelled in the library. */
    public record Entry(String label, String key, FieldType type, Map<String, String> options, String formId) {
    }

    /** A label's best entry and how alike the labels are. */
    public record Match(Entry entry, double score) {
    }

    private final List<Entry> entries;

    public FieldVocabulary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Every layout under {@code library}, except the forms whose id is in {@code excluded} (a leave-one-out test). */
    public static FieldVocabulary load(Path library, List<String> excluded) {
        List<Entry> out = new ArrayList<>();
        for (FormTemplate t : FormTemplates.load(library).all()) {
            if (!excluded.contains(t.id())) {
                out.addAll(of(t));
            }
        }
        return new FieldVocabulary(out);
    }

    static List<Entry> of(FormTemplate t) {
        AnalysedPage page = LayoutPages.of(t);
        LabelFinder finder = new LabelFinder(page);
        List<Entry> out = new ArrayList<>();
        for (FieldSpec f : t.fields()) {
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionSpec o : f.options()) {
                options.put(Labels.normal(o.label()), o.value());
            }
            out.add(new Entry(Labels.normal(f.label()), f.key(), f.type(), options, t.id()));
            finder.labelOf(f.box()).map(l -> Labels.normal(l.text())).filter(l -> !l.equals(Labels.normal(f.label())))
                    .ifPresent(l -> out.add(new Entry(l, f.key(), f.type(), options, t.id())));
        }
        return out;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries whose label is at least {@code min} alike to {@code label}, best first. */
    public List<Match> matches(String label, double min) {
        String n = Labels.normal(label);
        return entries.stream().map(e -> new Match(e, Labels.similarity(n, e.label()))).filter(m -> m.score() >= min)
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    /** The option value the library gives a printed option label: the field's own options first, then any. */
    public Optional<String> optionValue(String key, String label, double min) {
        String n = Labels.normal(label);
        Optional<String> own = best(entries.stream().filter(e -> e.key().equals(key)).toList(), n, min);
        return own.isPresent() ? own : best(entries, n, min);
    }

    private static Optional<String> best(List<Entry> from, String label, double min) {
        String value = null;
        double score = min;
        for (Entry e : from) {
            for (Map.Entry<String, String> o : e.options().entrySet()) {
                double s = Labels.similarity(label, o.getKey());
                if (s >= score) {
                    score = s;
                    value = o.getValue();
                }
            }
        }
        return Optional.ofNullable(value);
    }

    /** The type the words of a label name, for a label the library does not know. */
    public static FieldType typeFromWords(String label) {
        String n = Labels.normal(label);
        if (n.contains("年月日") || n.contains("日付")) {
            return FieldType.DATE;
        }
        if (n.contains("電話") || n.contains("TEL") || n.contains("FAX")) {
            return FieldType.PHONE;
        }
        if (n.contains("年齢") || n.endsWith("歳")) {
            return FieldType.INTEGER;
        }
        if (n.contains("フリガナ") || n.contains("ふりがな")) {
            return FieldType.KANA;
        }
        if (n.contains("住所") || n.contains("所在地")) {
            return FieldType.ADDRESS;
        }
        return FieldType.TEXT;
    }
}
