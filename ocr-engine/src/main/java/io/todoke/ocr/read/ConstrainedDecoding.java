package io.todoke.ocr.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks, among the recogniser's per-character alternatives, the most likely text that a field's format accepts.
 * Tesseract's best path through a date like {@code 2021/3/20} can be {@code 202173/20}: the slash was a close second
 * to a 7. The format knows a slash belongs there; the alternatives say the recogniser saw one. Pure.
 *
 * <p>Only substitutions are tried, cheapest first (cost = how far below the character's best choice an alternative
 * is), so a value is never invented: every character of a candidate was one of the recogniser's own choices.
 */
public final class ConstrainedDecoding {

    /** Alternatives weaker than this are noise in the CTC output, not a reading of the character. */
    static final double MIN_ALTERNATIVE = 0.05;
    /** At most this many alternatives per character besides its best. */
    static final int MAX_ALTERNATIVES = 3;
    /**
     * A known confusion that the recogniser did not offer counts with this confidence: below any field's threshold,
     * so a value repaired with one always goes to a clerk, and dearer than most alternatives it did offer.
     */
    public static final double CONFUSION_CONFIDENCE = 0.3;

    private ConstrainedDecoding() {
    }

    /**
     * A candidate text.
     *
     * @param text       the text with the chosen characters, in the layout (spaces, line breaks) of the reading
     * @param confidence the lowest confidence of its characters: a kept character keeps its own confidence, an
     *                   alternative counts with its choice confidence
     * @param corrected  whether any character is an alternative rather than the best path
     */
    public record Candidate(String text, double confidence, boolean corrected) {
    }

    /**
     * The cheapest candidate that {@code accepts} takes, trying at most {@code budget} candidates; the reading itself
     * comes first. Besides the recogniser's own alternatives, {@code confusions} are tried: for a character as read,
     * what it may really be (e.g. 和 → 年: the era's 和 is in a date's whitelist and the model writes it for a blurred
     * 年). Empty when none is accepted within the budget.
     */
    public static Optional<Candidate> best(OcrText reading, Map<String, List<String>> confusions, Predicate<String> accepts,
                                           int budget) {
        List<Candidate> found = accepted(reading, confusions, accepts, budget, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Up to {@code limit} candidates that {@code accepts} takes, cheapest first, trying at most {@code budget}. */
    public static List<Candidate> accepted(OcrText reading, Map<String, List<String>> confusions, Predicate<String> accepts,
                                           int budget, int limit) {
        String text = reading.text();
        List<Candidate> out = new ArrayList<>();
        int[] offsets = reading.offsets();
        if (offsets == null) {
            // symbols cannot be matched to the text: only the reading itself is a candidate
            if (accepts.test(text)) {
                out.add(new Candidate(text, reading.confidence(), false));
            }
            return out;
        }
        List<Position> positions = new ArrayList<>();
        for (OcrText.Symbol symbol : reading.symbols()) {
            positions.add(new Position(options(symbol, confusions.getOrDefault(symbol.text(), List.of()))));
        }
        PriorityQueue<Assignment> queue = new PriorityQueue<>();
        Set<String> seen = new HashSet<>();
        Set<String> texts = new HashSet<>();
        queue.add(new Assignment(new int[positions.size()], 0));
        int tried = 0;
        while (!queue.isEmpty() && tried < budget && out.size() < limit) {
            Assignment a = queue.poll();
            if (!seen.add(Arrays.toString(a.choice))) {
                continue;
            }
            tried++;
            String candidate = apply(reading, offsets, positions, a.choice);
            if (texts.add(candidate) && accepts.test(candidate)) {
                out.add(new Candidate(candidate, confidence(positions, a.choice), a.cost > 0));
            }
            for (int i = 0; i < positions.size(); i++) {
                Position p = positions.get(i);
                if (a.choice[i] + 1 < p.options.size()) {
                    int[] next = a.choice.clone();
                    next[i]++;
                    queue.add(new Assignment(next, a.cost - p.options.get(a.choice[i]).cost + p.options.get(next[i]).cost));
                }
            }
        }
        return out;
    }

    /** One character of the reading: what it could be (the reading's own first). */
    private record Position(List<Option> options) {
    }

    private record Option(String text, double confidence, double cost) {
    }

    private record Assignment(int[] choice, double cost) implements Comparable<Assignment> {
        @Override
        public int compareTo(Assignment o) {
            return Double.compare(cost, o.cost);
        }
    }

    private static List<Option> options(OcrText.Symbol s, List<String> confused) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(s.text(), s.confidence(), 0));
        // the choice list is only trusted when it agrees with the best path on this character
        double best = s.choices().stream().filter(c -> c.text().equals(s.text()))
                .mapToDouble(OcrText.Choice::confidence).max().orElse(Double.NaN);
        if (Double.isNaN(best)) {
            addConfusions(out, confused);
            return out;
        }
        s.choices().stream()
                .filter(c -> !c.text().equals(s.text()) && c.confidence() >= MIN_ALTERNATIVE)
                .sorted((x, y) -> Double.compare(y.confidence(), x.confidence()))
                .filter(c -> out.stream().noneMatch(o -> o.text().equals(c.text())))
                .limit(MAX_ALTERNATIVES)
                .forEach(c -> {
                    if (out.stream().noneMatch(o -> o.text().equals(c.text()))) {
                        out.add(new Option(c.text(), c.confidence(), Math.max(0, best - c.confidence())));
                    }
                });
        addConfusions(out, confused);
        out.subList(1, out.size()).sort((x, y) -> Double.compare(x.cost, y.cost));
        return out;
    }

    /**
     * The reading with a date's closing 日 restored where it was read as two 1s after the day's digits
     * ({@code 令和4年11月1611.}): a standard fax halves the vertical resolution, which keeps 日's two uprights and loses
     * its bars, and no single character's alternatives can turn two characters into one. The restored 日 counts with
     * {@link #CONFUSION_CONFIDENCE}, so such a value always goes to a clerk. Null where the reading does not end so.
     */
    public static OcrText dayMarkReadAsOnes(OcrText reading) {
        List<OcrText.Symbol> s = reading.symbols();
        int[] offsets = reading.offsets();
        int n = s.size();
        if (offsets == null) {
            return null;
        }
        if (n > 0 && s.get(n - 1).text().equals(".")) {
            n--;
        }
        if (n < 3 || !s.get(n - 1).text().equals("1") || !s.get(n - 2).text().equals("1")
                || !s.get(n - 3).text().matches("[0-9０-９]")) {
            return null;
        }
        OcrText.Symbol a = s.get(n - 2);
        OcrText.Symbol b = s.get(n - 1);
        int top = Math.min(a.y(), b.y());
        int bottom = Math.max(a.y() + a.height(), b.y() + b.height());
        List<OcrText.Symbol> out = new ArrayList<>(s.subList(0, n - 2));
        out.add(new OcrText.Symbol("日", CONFUSION_CONFIDENCE, a.x(), top, b.x() + b.width() - a.x(), bottom - top));
        return new OcrText(reading.text().substring(0, offsets[n - 2]) + "日",
                Math.min(reading.confidence(), CONFUSION_CONFIDENCE), out);
    }

    private static void addConfusions(List<Option> out, List<String> confused) {
        for (String c : confused) {
            if (out.stream().noneMatch(o -> o.text().equals(c))) {
                out.add(new Option(c, CONFUSION_CONFIDENCE, 1 - CONFUSION_CONFIDENCE));
            }
        }
    }

    private static String apply(OcrText reading, int[] offsets, List<Position> positions, int[] choice) {
        String[] chosen = new String[positions.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = positions.get(i).options.get(choice[i]).text;
        }
        return reading.replaced(offsets, chosen);
    }

    private static double confidence(List<Position> positions, int[] choice) {
        double min = positions.isEmpty() ? 0 : 1;
        for (int i = 0; i < positions.size(); i++) {
            min = Math.min(min, positions.get(i).options.get(choice[i]).confidence);
        }
        return min;
    }
}
