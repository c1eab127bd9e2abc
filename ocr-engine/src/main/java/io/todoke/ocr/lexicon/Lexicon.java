package io.todoke.ocr.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Japanese words with MeCab's word cost (lower is more common), from a dictionary in IPADIC CSV format: Debian's
 * {@code mecab-ipadic} has about 330,000 surfaces in {@code /usr/share/mecab/dic/ipadic/*.csv} (common words, place
 * names down to towns such as 糀台 or 霞ケ丘, family and given names). It tells how plausible a text is as Japanese:
 * {@link #cost(String)} is the cheapest way to spell it out of words, so 自宅療養 costs far less than 自宅療佐.
 *
 * <p>Kept as one sorted array (about 20 MB): lookups and prefix checks are binary searches. Immutable and
 * thread-safe.
 */
public final class Lexicon {

    public static final Lexicon NONE = new Lexicon(new String[0], new int[0], Set.of());

    /** What spelling one character out of no word costs: more than any two-word spelling of it. */
    static final int UNKNOWN_CHARACTER = 20_000;
    /** Added per word, so that one word is preferred to the same characters cut into several. */
    static final int PER_WORD = 3_000;
    /** Longest surface considered. */
    static final int MAX_WORD = 12;

    private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();
    private static final System.Logger LOG = System.getLogger(Lexicon.class.getName());

    /** Longest word a character is proposed for by {@link #fits}: longer words are rare and proposals costly. */
    static final int MAX_FIT_WORD = 6;

    private final String[] words;
    private final int[] costs;
    /** The words spelled backwards, sorted: the words ending in a given text are a range of it. */
    private final String[] backwards;
    /** One-character suffixes (名詞,接尾: 士, 師, 員, 科, 区...) that make a compound of the word before them. */
    private final Set<Character> suffixes;

    private Lexicon(String[] words, int[] costs, Set<Character> suffixes) {
        this.words = words;
        this.costs = costs;
        this.suffixes = Set.copyOf(suffixes);
        this.backwards = Arrays.stream(words).map(w -> new StringBuilder(w).reverse().toString()).sorted()
                .toArray(String[]::new);
    }

    /** A lexicon of the given words (surface → cost). */
    public static Lexicon of(Map<String, Integer> wordCosts) {
        return of(wordCosts, Set.of());
    }

    /** A lexicon of the given words (surface → cost) and one-character suffixes that compound with a word before. */
    public static Lexicon of(Map<String, Integer> wordCosts, Set<Character> suffixes) {
        Map<String, Integer> byNormal = new HashMap<>();
        wordCosts.forEach((k, v) -> byNormal.merge(nfkc(k), v, Math::min));
        String[] w = byNormal.keySet().stream().sorted().toArray(String[]::new);
        int[] c = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            c[i] = byNormal.get(w[i]);
        }
        return new Lexicon(w, c, suffixes);
    }

    /**
     * Every {@code *.csv} in {@code directory}, loaded once per directory; {@link #NONE} (with a warning) when there is
     * none, so that an installation without the dictionary reads as before, by the readings' agreement alone.
     */
    public static Lexicon load(Path directory, Charset encoding) {
        return LOADED.computeIfAbsent(directory.toAbsolutePath() + "|" + encoding.name(), k -> read(directory, encoding));
    }

    private static Lexicon read(Path directory, Charset encoding) {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lexicon directory " + directory, e);
        }
        if (files.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "no lexicon (*.csv) in {0}: doubtful text is chosen by the readings''"
                    + " agreement alone (install Debian''s mecab-ipadic)", directory);
            return NONE;
        }
        Map<String, Integer> costs = new HashMap<>(1 << 19);
        Set<Character> suffixes = new java.util.HashSet<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, encoding)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    // surface,left id,right id,cost,...
                    int a = line.indexOf(',');
                    int b = line.indexOf(',', a + 1);
                    int c = line.indexOf(',', b + 1);
                    int d = line.indexOf(',', c + 1);
                    if (a <= 0 || d < 0) {
                        continue;
                    }
                    try {
                        costs.merge(line.substring(0, a), Integer.parseInt(line.substring(c + 1, d)), Math::min);
                    } catch (NumberFormatException e) {
                        // not a dictionary line
                        continue;
                    }
                    if (a == 1 && line.startsWith("名詞,接尾,", d + 1)) {
                        suffixes.add(nfkc(line.substring(0, 1)).charAt(0));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon file " + f, e);
            }
        }
        return of(costs, suffixes);
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    public int size() {
        return words.length;
    }

    /** The word's cost, or -1 when it is no word. */
    public int wordCost(String word) {
        int i = Arrays.binarySearch(words, word);
        return i >= 0 ? costs[i] : -1;
    }

    /** Whether some word starts with {@code prefix}. */
    boolean isPrefix(String prefix) {
        int at = firstWithPrefix(words, prefix);
        return at < words.length && words[at].startsWith(prefix);
    }

    /**
     * The characters that, put at {@code at} in place of the one there, make a word of 2 to {@value #MAX_FIT_WORD}
     * characters with its neighbours in {@code text} (taken as it is: NFKC-normalised, no white space): for 西区灯台 at
     * 2, among others 糀 (糀台, a town) and 民 (区民). After a word of two characters or more, every one-character
     * suffix fits too (保育十 at 2: 士, as in 保育士, which the dictionary knows only as 保育 + 士). Windows holding a
     * digit, Latin letter or hyphen are not words.
     */
    public Set<Character> fits(String text, int at) {
        Set<Character> out = new java.util.TreeSet<>();
        if (isEmpty() || at < 0 || at >= text.length() || isFree(text.charAt(at))) {
            return out;
        }
        int lo = at;
        while (lo > 0 && at - lo + 1 < MAX_FIT_WORD && !isFree(text.charAt(lo - 1))) {
            lo--;
        }
        int hi = at + 1;
        while (hi < text.length() && hi - at < MAX_FIT_WORD && !isFree(text.charAt(hi))) {
            hi++;
        }
        // words that start before the character: one range per start, every length checked against the text after
        for (int a = lo; a < at; a++) {
            String prefix = text.substring(a, at);
            for (int i = firstWithPrefix(words, prefix); i < words.length && words[i].startsWith(prefix); i++) {
                String w = words[i];
                int b = a + w.length();
                if (b > at && b <= hi && w.charAt(at - a) != text.charAt(at) && !isFree(w.charAt(at - a))
                        && text.regionMatches(at + 1, w, at - a + 1, b - at - 1)) {
                    out.add(w.charAt(at - a));
                }
            }
        }
        // a compound: a word of two characters or more just before, and a suffix in the character's place (保育 + 士)
        for (int a = lo; a + 2 <= at; a++) {
            if (wordCost(text.substring(a, at)) >= 0) {
                for (char s : suffixes) {
                    if (s != text.charAt(at) && !isFree(s)) {
                        out.add(s);
                    }
                }
                break;
            }
        }
        // words that start with the character: the words ending in the text after it, one more character long
        for (int b = at + 2; b <= hi; b++) {
            String after = new StringBuilder(text.substring(at + 1, b)).reverse().toString();
            for (int i = firstWithPrefix(backwards, after); i < backwards.length && backwards[i].startsWith(after); i++) {
                String w = backwards[i];
                char c = w.charAt(w.length() - 1);
                if (w.length() == b - at && c != text.charAt(at) && !isFree(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static int firstWithPrefix(String[] sorted, String prefix) {
        int i = Arrays.binarySearch(sorted, prefix);
        return i >= 0 ? i : -i - 1;
    }

    /** {@code text} as {@link #fits} takes it: NFKC-normalised, white space removed. */
    public static String prepared(String text) {
        return nfkc(text).replaceAll("\\s+", "");
    }

    /**
     * The cheapest spelling of {@code text} as a sequence of words, each costing its word cost plus {@link #PER_WORD},
     * a character of no word {@link #UNKNOWN_CHARACTER}. Digits, Latin letters and hyphens cost nothing and end a
     * word: house numbers and SpO2 are not language. White space is ignored.
     */
    public int cost(String text) {
        return (int) Math.min(Integer.MAX_VALUE, spell(prepared(text), null));
    }

    /**
     * Whether the cheapest spelling of {@code text} uses words of two characters or more only (digits, Latin letters
     * and white space aside): a misread character usually leaves a character of no word, or one standing alone.
     */
    public boolean spelledInWords(String text) {
        String s = prepared(text);
        int[] from = new int[s.length() + 1];
        if (isEmpty() || spell(s, from) == Long.MAX_VALUE) {
            return false;
        }
        for (int j = s.length(); j > 0; j = from[j]) {
            if (j - from[j] == 1 && !isFree(s.charAt(j - 1))) {
                return false;
            }
        }
        return true;
    }

    /** The cheapest spelling's cost; {@code from[j]}, when given, is where the word ending at j starts. */
    private long spell(String s, int[] from) {
        int n = s.length();
        long[] best = new long[n + 1];
        Arrays.fill(best, Long.MAX_VALUE);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Long.MAX_VALUE) {
                continue;
            }
            char ch = s.charAt(i);
            if (isFree(ch)) {
                step(best, from, i, i + 1, 0);
                continue;
            }
            step(best, from, i, i + 1, UNKNOWN_CHARACTER);
            for (int j = i + 1; j <= Math.min(n, i + MAX_WORD); j++) {
                if (isFree(s.charAt(j - 1))) {
                    break;
                }
                String w = s.substring(i, j);
                int c = wordCost(w);
                if (c >= 0) {
                    step(best, from, i, j, c + PER_WORD);
                } else if (!isPrefix(w)) {
                    break;
                }
            }
        }
        return best[n];
    }

    private static void step(long[] best, int[] from, int i, int j, long cost) {
        if (best[i] + cost < best[j]) {
            best[j] = best[i] + cost;
            if (from != null) {
                from[j] = i;
            }
        }
    }

    private static boolean isFree(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-');
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
