package io.todoke.ocr.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * How natural a text is as Japanese: the cost of its best analysis into words as MeCab makes it, each word's own cost
 * plus the cost of joining it to the word before (its part of speech after that one's), from a dictionary in
 * IPADIC's source format ({@code *.csv}, {@code matrix.def}, {@code char.def}, {@code unk.def}; Debian's
 * {@code mecab-ipadic}). {@link Lexicon#cost} knows words but not their order, so 飲食店ての会食 and 飲食店での会食
 * cost it the same; here the first costs about 7,000 more, since the conjunctive て follows a verb, not a noun.
 * Immutable and thread-safe.
 */
public final class Grammar {

    public static final Grammar NONE = new Grammar(new String[0], new int[0], new short[0], new short[0], new short[0],
            new short[0], 0, Map.of(), Map.of(), Map.of());

    private static final Map<String, Grammar> LOADED = new ConcurrentHashMap<>();
    private static final int MAX_WORD = 16;

    /** Sorted surfaces; the entries of surface i are {@code first[i]} up to {@code first[i + 1]}. */
    private final String[] surfaces;
    private final int[] first;
    private final short[] left;
    private final short[] right;
    private final short[] cost;
    /** Joining cost of a word with right id r followed by one with left id l: {@code matrix[r * size + l]}. */
    private final short[] matrix;
    private final int size;
    private final Map<String, Category> categories;
    private final Map<Integer, String> categoryOf;
    /** Unknown-word entries by category: {left, right, cost} each. */
    private final Map<String, short[][]> unknown;

    /** A character class of {@code char.def}: whether unknown words are always tried, grouped, and up to what length. */
    private record Category(boolean invoke, boolean group, int length) {
    }

    /** A class {@code char.def} does not define: its runs are unknown words where no word starts. */
    private static final Category UNLISTED = new Category(false, true, 0);

    private Grammar(String[] surfaces, int[] first, short[] left, short[] right, short[] cost, short[] matrix, int size,
                    Map<String, Category> categories, Map<Integer, String> categoryOf, Map<String, short[][]> unknown) {
        this.surfaces = surfaces;
        this.first = first;
        this.left = left;
        this.right = right;
        this.cost = cost;
        this.matrix = matrix;
        this.size = size;
        this.categories = categories;
        this.categoryOf = categoryOf;
        this.unknown = unknown;
    }

    /**
     * The dictionary in {@code directory}, loaded once per process; {@link #NONE} (with a warning) where it has no
     * {@code matrix.def}, so that an installation without it reads as before, without the grammar's mending. A
     * malformed file is an error.
     */
    public static Grammar load(Path directory, Charset encoding) {
        return LOADED.computeIfAbsent(directory.toAbsolutePath() + "|" + encoding.name(), k -> read(directory, encoding));
    }

    public boolean isEmpty() {
        return surfaces.length == 0;
    }

    private static Grammar read(Path dir, Charset cs) {
        if (!Files.isRegularFile(dir.resolve("matrix.def")) || !Files.isRegularFile(dir.resolve("char.def"))
                || !Files.isRegularFile(dir.resolve("unk.def"))) {
            System.getLogger(Grammar.class.getName()).log(System.Logger.Level.WARNING, "no matrix.def, char.def and"
                    + " unk.def in {0}: voicing marks are not mended by grammar (install Debian''s mecab-ipadic)", dir);
            return NONE;
        }
        try {
            List<String[]> rows = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    try (BufferedReader r = Files.newBufferedReader(csv, cs)) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            String[] f = line.split(",", 5);
                            if (f.length >= 4 && !f[0].isEmpty()) {
                                rows.add(new String[] {nfkc(f[0]), f[1], f[2], f[3]});
                            }
                        }
                    }
                }
            }
            rows.sort((a, b) -> a[0].compareTo(b[0]));
            List<String> surfaces = new ArrayList<>();
            int[] first = new int[rows.size() + 1];
            short[] left = new short[rows.size()];
            short[] right = new short[rows.size()];
            short[] cost = new short[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                if (surfaces.isEmpty() || !surfaces.get(surfaces.size() - 1).equals(row[0])) {
                    first[surfaces.size()] = i;
                    surfaces.add(row[0]);
                }
                left[i] = Short.parseShort(row[1]);
                right[i] = Short.parseShort(row[2]);
                cost[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Integer.parseInt(row[3])));
            }
            first[surfaces.size()] = rows.size();
            int size;
            short[] matrix;
            try (BufferedReader r = Files.newBufferedReader(dir.resolve("matrix.def"), cs)) {
                String[] head = r.readLine().trim().split("\\s+");
                size = Integer.parseInt(head[0]);
                if (Integer.parseInt(head[1]) != size) {
                    throw new IllegalArgumentException("matrix.def is not square: " + String.join(" ", head));
                }
                matrix = new short[size * size];
                int[] f = new int[3];
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    // 1.7 million lines: parsed by hand, a split by regular expression took seconds
                    if (integers(line, f) == 3) {
                        matrix[f[0] * size + f[1]] = (short) f[2];
                    }
                }
            }
            Map<String, Category> categories = new HashMap<>();
            Map<Integer, String> categoryOf = new HashMap<>();
            for (String raw : Files.readAllLines(dir.resolve("char.def"), cs)) {
                String line = raw.replaceAll("#.*", "").trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f[0].startsWith("0x")) {
                    String[] range = f[0].split("\\.\\.");
                    int from = Integer.decode(range[0]);
                    int to = range.length > 1 ? Integer.decode(range[1]) : from;
                    for (int c = from; c <= to; c++) {
                        categoryOf.put(c, f[1]);
                    }
                } else if (f.length >= 4) {
                    categories.put(f[0], new Category(f[1].equals("1"), f[2].equals("1"), Integer.parseInt(f[3])));
                }
            }
            Map<String, List<short[]>> unk = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("unk.def"), cs)) {
                String[] f = line.split(",", 5);
                if (f.length >= 4) {
                    unk.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new short[] {Short.parseShort(f[1]),
                            Short.parseShort(f[2]), Short.parseShort(f[3])});
                }
            }
            Map<String, short[][]> unknown = new HashMap<>();
            unk.forEach((k, v) -> unknown.put(k, v.toArray(short[][]::new)));
            return new Grammar(surfaces.toArray(String[]::new), Arrays.copyOf(first, surfaces.size() + 1), left, right,
                    cost, matrix, size, categories, categoryOf, unknown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MeCab dictionary in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cost of the best analysis of {@code text} (NFKC-normalised, white space removed), as MeCab's Viterbi search
     * finds it: lower is more natural. 0 for an empty text or an empty grammar.
     */
    public long cost(String text) {
        String s = nfkc(text).replaceAll("\\s+", "");
        if (s.isEmpty() || isEmpty()) {
            return 0;
        }
        int n = s.length();
        // the words ending at each position: {right id, best cost so far}
        List<List<long[]>> ending = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            ending.add(new ArrayList<>());
        }
        ending.get(0).add(new long[] {0, 0});
        for (int i = 0; i < n; i++) {
            if (ending.get(i).isEmpty()) {
                continue;
            }
            boolean found = false;
            for (int len = 1; len <= Math.min(MAX_WORD, n - i); len++) {
                int at = Arrays.binarySearch(surfaces, s.substring(i, i + len));
                if (at < 0) {
                    continue;
                }
                found = true;
                for (int e = first[at]; e < first[at + 1]; e++) {
                    add(ending, i, i + len, left[e], right[e], cost[e]);
                }
            }
            String category = category(s.charAt(i));
            Category c = categories.getOrDefault(category, UNLISTED);
            if (found && !c.invoke()) {
                continue;
            }
            // unknown words, as MeCab makes them: the run of characters of one class, and its first 1..length
            int run = 1;
            while (i + run < n && category(s.charAt(i + run)).equals(category)) {
                run++;
            }
            short[][] entries = unknown.getOrDefault(category, unknown.getOrDefault("DEFAULT", new short[0][]));
            List<Integer> lengths = new ArrayList<>();
            if (c.group()) {
                lengths.add(run);
            }
            for (int len = 1; len <= Math.min(c.length(), run); len++) {
                if (!lengths.contains(len)) {
                    lengths.add(len);
                }
            }
            if (lengths.isEmpty()) {
                lengths.add(1);
            }
            for (int len : lengths) {
                for (short[] u : entries) {
                    add(ending, i, i + len, u[0], u[1], u[2]);
                }
            }
        }
        long best = Long.MAX_VALUE;
        for (long[] node : ending.get(n)) {
            best = Math.min(best, node[1] + matrix[(int) node[0] * size]);
        }
        return best;
    }

    /**
     * The text with one kana's voicing mark (゛ or ゜) added, removed or swapped, that costs at least {@code margin}
     * less than the text itself, the cheapest such; null when there is none. A fax thins the two dots of a voicing mark
     * to nothing or adds specks that pass for them, and the recogniser is sure of the kana either way (飲食店での会食
     * read as 飲食店ての会食 at 0.99): the grammar is not.
     */
    public String likelierVoicing(String text, long margin) {
        if (isEmpty()) {
            return null;
        }
        long own = cost(text);
        String best = null;
        long bestCost = own - margin;
        for (int i = 0; i < text.length(); i++) {
            for (char v : voicings(text.charAt(i))) {
                String variant = text.substring(0, i) + v + text.substring(i + 1);
                long c = cost(variant);
                if (c <= bestCost) {
                    best = variant;
                    bestCost = c;
                }
            }
        }
        return best;
    }

    /** The kana that differ from {@code c} by a voicing mark only: か → が, が → か, は → ば and ぱ, ぱ → は and ば. */
    public static List<Character> voicings(char c) {
        if (!(c >= '\u3041' && c <= '\u3096') && !(c >= '\u30A1' && c <= '\u30FA')) {
            return List.of();
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = d.charAt(0);
        List<Character> out = new ArrayList<>();
        if (d.length() > 1) {
            out.add(base);
        }
        for (char mark : new char[] {'\u3099', '\u309A'}) {
            String composed = Normalizer.normalize(base + String.valueOf(mark), Normalizer.Form.NFC);
            if (composed.length() == 1 && composed.charAt(0) != c) {
                out.add(composed.charAt(0));
            }
        }
        return out;
    }

    /** Reads up to {@code out.length} white-space separated integers of {@code line}; returns how many. */
    static int integers(String line, int[] out) {
        int n = 0;
        int i = 0;
        int len = line.length();
        while (n < out.length) {
            while (i < len && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            boolean negative = line.charAt(i) == '-';
            if (negative) {
                i++;
            }
            int start = i;
            int v = 0;
            while (i < len && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                v = v * 10 + line.charAt(i) - '0';
                i++;
            }
            if (i == start || (i < len && !Character.isWhitespace(line.charAt(i)))) {
                return -1;
            }
            out[n++] = negative ? -v : v;
        }
        return n;
    }

    private void add(List<List<long[]>> ending, int from, int to, int leftId, int rightId, int wordCost) {
        long best = Long.MAX_VALUE;
        for (long[] node : ending.get(from)) {
            best = Math.min(best, node[1] + matrix[(int) node[0] * size + leftId]);
        }
        long total = best + wordCost;
        List<long[]> at = ending.get(to);
        for (long[] node : at) {
            if (node[0] == rightId) {
                node[1] = Math.min(node[1], total);
                return;
            }
        }
        at.add(new long[] {rightId, total});
    }

    private String category(char c) {
        return categoryOf.getOrDefault((int) c, "DEFAULT");
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
