package io.todoke.ocr.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese family and given names with their readings, from a dictionary in MeCab's IPADIC CSV format (Debian's
 * {@code mecab-ipadic} ships {@code Noun.name.csv}: surface, ids, cost, 名詞,固有名詞,人名,姓|名, …, reading). Used to
 * choose between two readings of a name that disagree, and between readings of its furigana: a choice among what
 * the recogniser saw, never a name put in its place.
 */
public final class PersonNames {

    public static final PersonNames NONE = new PersonNames(Map.of(), Map.of());

    private static final Map<String, PersonNames> LOADED = new ConcurrentHashMap<>();
    private static final System.Logger LOG = System.getLogger(PersonNames.class.getName());

    private final Map<String, Set<String>> family;
    private final Map<String, Set<String>> given;

    private final java.util.function.Supplier<Map<String, List<String>>> familyAway;
    private final java.util.function.Supplier<Map<String, List<String>>> givenAway;
    private final java.util.function.Supplier<Map<String, List<String>>> familyByReading;
    private final java.util.function.Supplier<Map<String, List<String>>> givenByReading;

    PersonNames(Map<String, Set<String>> family, Map<String, Set<String>> given) {
        this.family = family;
        this.given = given;
        this.familyAway = lazily(() -> byWildcard(family.keySet()));
        this.givenAway = lazily(() -> byWildcard(given.keySet()));
        this.familyByReading = lazily(() -> byReading(family));
        this.givenByReading = lazily(() -> byReading(given));
    }

    private static <T> java.util.function.Supplier<T> lazily(java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            value = v = make.get();
                        }
                    }
                }
                return v;
            }
        };
    }

    /** Family and given names (surface → katakana readings). */
    public static PersonNames of(Map<String, Set<String>> family, Map<String, Set<String>> given) {
        return new PersonNames(Map.copyOf(family), Map.copyOf(given));
    }

    /**
     * The dictionary at {@code csv}, loaded once per path; {@link #NONE} (with a warning) when the file is missing,
     * so that an installation without it reads names as before.
     */
    public static PersonNames load(Path csv, Charset encoding) {
        return LOADED.computeIfAbsent(csv.toAbsolutePath() + "|" + encoding.name(), k -> read(csv, encoding));
    }

    private static PersonNames read(Path csv, Charset encoding) {
        if (!Files.isRegularFile(csv)) {
            LOG.log(System.Logger.Level.WARNING, "name dictionary {0} not found: names are read without it"
                    + " (install Debian''s mecab-ipadic)", csv);
            return NONE;
        }
        Map<String, Set<String>> family = new HashMap<>();
        Map<String, Set<String>> given = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, encoding)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",");
                if (c.length < 12 || !"人名".equals(c[6])) {
                    continue;
                }
                Map<String, Set<String>> into = "姓".equals(c[7]) ? family : "名".equals(c[7]) ? given : null;
                if (into != null) {
                    into.computeIfAbsent(c[0], x -> new LinkedHashSet<>()).add(c[11]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name dictionary " + csv, e);
        }
        return new PersonNames(family, given);
    }

    public boolean isEmpty() {
        return family.isEmpty() && given.isEmpty();
    }

    /** Whether the text is a family name followed by a given name, both known (a space between them or not). */
    public boolean known(String fullName) {
        return !splits(fullName).isEmpty();
    }

    /** The readings of a known full name, family and given reading separated by one space; empty when unknown. */
    public Set<String> readings(String fullName) {
        Set<String> out = new LinkedHashSet<>();
        for (String[] s : splits(fullName)) {
            for (String f : family.get(s[0])) {
                for (String g : given.get(s[1])) {
                    out.add(f + " " + g);
                }
            }
        }
        return out;
    }

    /** Whether {@code part} is a known family name ({@code family}) or given name. */
    public boolean knownPart(String part, boolean family) {
        return (family ? this.family : given).containsKey(part);
    }

    /** Known family (or given) names as long as {@code part} that differ from it in exactly one character. */
    public List<String> oneCharacterAway(String part, boolean family) {
        Map<String, List<String>> index = family ? familyAway.get() : givenAway.get();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < part.length(); i++) {
            for (String name : index.getOrDefault(wildcard(part, i), List.of())) {
                if (!name.equals(part)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Known family (or given) names one of whose readings is {@code reading} (katakana): ウエダ lists 上田, 植田 … */
    public List<String> spelledAs(String reading, boolean family) {
        return (family ? familyByReading.get() : givenByReading.get()).getOrDefault(reading, List.of());
    }

    private static Map<String, List<String>> byReading(Map<String, Set<String>> names) {
        Map<String, List<String>> out = new HashMap<>();
        names.forEach((name, readings) -> readings.forEach(r -> out.computeIfAbsent(r, k -> new ArrayList<>()).add(name)));
        return out;
    }

    /** Names by each of their spellings with one character unknown: 千? lists 千尋, 千春 … (built on first use). */
    private static Map<String, List<String>> byWildcard(Set<String> names) {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                out.computeIfAbsent(wildcard(name, i), k -> new ArrayList<>()).add(name);
            }
        }
        return out;
    }

    private static String wildcard(String s, int i) {
        return s.substring(0, i) + '\uFFFF' + s.substring(i + 1);
    }

    private List<String[]> splits(String fullName) {
        List<String[]> out = new ArrayList<>();
        if (fullName == null) {
            return out;
        }
        String s = fullName.strip();
        String[] parts = s.split("\\s+");
        if (parts.length == 2) {
            if (family.containsKey(parts[0]) && given.containsKey(parts[1])) {
                out.add(parts);
            }
            return out;
        }
        if (parts.length == 1) {
            for (int i = 1; i < s.length(); i++) {
                String f = s.substring(0, i);
                String g = s.substring(i);
                if (family.containsKey(f) && given.containsKey(g)) {
                    out.add(new String[] {f, g});
                }
            }
        }
        return out;
    }
}
