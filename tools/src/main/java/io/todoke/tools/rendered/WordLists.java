package io.todoke.tools.rendered;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names and towns of one {@link Role}. Names come from {@code names.tsv} (composed, none a surface of
 * mecab-ipadic); towns from the form's own gazetteer {@code towns.tsv} (real postal data: an address must exist, so
 * the engine may know every town, but the evaluation half's towns are never used for fitting).
 */
public final class WordLists {

    /** A written name and its reading in katakana. */
    public record Name(String kanji, String kana) {
    }

    /** A town with its prefecture and city (with ward). */
    public record Town(String prefecture, String city, String town) {
    }

    private final Role role;
    private final List<Name> surnames = new ArrayList<>();
    private final List<Name> givenNames = new ArrayList<>();
    private final List<Town> kobeTowns = new ArrayList<>();
    private final List<Town> otherTowns = new ArrayList<>();

    public WordLists(Role role, Path townsTsv) {
        this.role = role;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                WordLists.class.getResourceAsStream("names.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split("\t");
                if (line.startsWith("#") || c.length < 3 || Role.of(c[0]) != role) {
                    continue;
                }
                (c[2].equals("surname") ? surnames : givenNames).add(new Name(c[0], c[1]));
            }
            for (String line : Files.readAllLines(townsTsv)) {
                String[] c = line.split("\t");
                if (line.startsWith("#") || c.length < 3 || Role.of(c[1] + c[2]) != role) {
                    continue;
                }
                Town t = new Town(c[0], c[1], c[2]);
                (c[1].startsWith("神戸市") ? kobeTowns : otherTowns).add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Role role() {
        return role;
    }

    public List<Name> surnames() {
        return surnames;
    }

    public List<Name> givenNames() {
        return givenNames;
    }

    public List<Town> kobeTowns() {
        return kobeTowns;
    }

    public List<Town> otherTowns() {
        return otherTowns;
    }
}
