package io.todoke.ocr.read;

import io.todoke.ocr.lexicon.Lexicon;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the text shown for doubtful writing among several readings of it (the jpn model at two scales, the Japanese
 * script model): every mix of the readings' characters is scored by how many readings agree on each character and
 * by how plausible it is as Japanese ({@link Lexicon#cost}). Two readings that agree outvote one; where they all
 * differ, the mix that spells words wins (自宅療養 over 自宅療佐 and 自宅療華). Only characters some reading saw are ever
 * shown. Pure; it chooses what a clerk sees first and never makes a field surer.
 */
public final class ReadingChoice {

    /** What one more reading agreeing on a character is worth, in lexicon cost units (a common word costs ~5,000). */
    static final int AGREEMENT = 6_000;
    /** What each character more or fewer than most readings have costs a reading. */
    static final int LENGTH_DIFFERENCE = 20_000;
    /** Mixes scored at most; beyond that, only the two likeliest characters of each position are mixed. */
    static final int MAX_MIXES = 128;

    private ReadingChoice() {
    }

    /**
     * The texts the readings allow, best first: the mixes of the readings with the commonest character count (in the
     * layout of the first of them), then the others' texts. The first reading is preferred on a tie.
     */
    public static List<String> ranked(List<OcrText> readings, Lexicon lexicon) {
        List<OcrText> usable = readings.stream().filter(r -> !r.text().isBlank()).toList();
        if (usable.isEmpty()) {
            return readings.isEmpty() ? List.of() : List.of(readings.get(0).text());
        }
        int common = commonLength(usable);
        // each reading's characters normalised once: every mix is compared with them
        Map<OcrText, String[]> chars = new java.util.IdentityHashMap<>();
        usable.forEach(r -> chars.put(r, r.symbols().stream().map(s -> nfkc(s.text())).toArray(String[]::new)));
        List<OcrText> aligned = usable.stream()
                .filter(r -> r.symbols().size() == common && r.offsets() != null).toList();
        List<String[]> alignedChars = aligned.stream().map(chars::get).toList();
        Map<String, Long> scores = new LinkedHashMap<>();
        if (!aligned.isEmpty()) {
            OcrText layout = aligned.get(0);
            int[] offsets = layout.offsets();
            for (String[] picks : mixes(options(alignedChars, common))) {
                String text = layout.replaced(offsets, picks);
                scores.putIfAbsent(text, score(text, agreement(alignedChars, picks), 0, lexicon));
            }
        }
        for (OcrText r : usable) {
            if (!scores.containsKey(r.text())) {
                List<String[]> same = usable.stream().filter(o -> o.symbols().size() == r.symbols().size())
                        .map(chars::get).toList();
                int differ = Math.abs(r.symbols().size() - common);
                scores.put(r.text(), score(r.text(), agreement(same, chars.get(r)), differ, lexicon));
            }
        }
        String first = usable.get(0).text();
        List<String> out = new ArrayList<>(scores.keySet());
        out.sort(Comparator.<String>comparingLong(scores::get).thenComparing(t -> !t.equals(first)));
        return out;
    }

    private static long score(String text, int agreeing, int lengthDifference, Lexicon lexicon) {
        return (long) lexicon.cost(text) - (long) AGREEMENT * agreeing + (long) LENGTH_DIFFERENCE * lengthDifference;
    }

    /** The character count most readings have; the first reading's on a tie. */
    private static int commonLength(List<OcrText> readings) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        readings.forEach(r -> counts.merge(r.symbols().size(), 1, Integer::sum));
        int best = readings.get(0).symbols().size();
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Each position's characters, the most agreed on first. */
    private static List<List<String>> options(List<String[]> aligned, int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (String[] r : aligned) {
                seen.merge(r[i], 1, Integer::sum);
            }
            List<String> chars = new ArrayList<>(seen.keySet());
            chars.sort(Comparator.comparingInt(c -> -seen.get(c)));
            out.add(chars);
        }
        return out;
    }

    /** Every combination of the options, or of the two likeliest of each when that would be too many. */
    private static List<String[]> mixes(List<List<String>> options) {
        List<List<String>> used = options;
        if (combinations(used) > MAX_MIXES) {
            used = options.stream().map(o -> o.subList(0, Math.min(2, o.size()))).toList();
        }
        if (combinations(used) > MAX_MIXES) {
            used = options.stream().map(o -> o.subList(0, 1)).toList();
        }
        List<String[]> out = new ArrayList<>();
        out.add(new String[used.size()]);
        for (int i = 0; i < used.size(); i++) {
            List<String> here = used.get(i);
            List<String[]> next = new ArrayList<>();
            for (String[] partial : out) {
                for (String c : here) {
                    String[] p = here.size() == 1 ? partial : partial.clone();
                    p[i] = c;
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    private static long combinations(List<List<String>> options) {
        long n = 1;
        for (List<String> o : options) {
            n *= o.size();
            if (n > MAX_MIXES) {
                return n;
            }
        }
        return n;
    }

    /** How many of the readings have each picked character at its position, summed. */
    private static int agreement(List<String[]> readings, String[] picks) {
        int n = 0;
        for (String[] r : readings) {
            for (int i = 0; i < picks.length; i++) {
                if (r[i].equals(picks[i])) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
