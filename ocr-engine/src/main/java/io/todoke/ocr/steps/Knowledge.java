package io.todoke.ocr.steps;

import io.todoke.ocr.lexicon.Grammar;
import io.todoke.ocr.lexicon.Lexicon;
import io.todoke.ocr.lexicon.PersonNames;
import io.todoke.ocr.read.DigitShapes;
import io.todoke.ocr.read.GlyphMatcher;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.LexiconSource;
import io.todoke.ocr.template.NameDictionary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form's template lets the steps know besides the page: names and their readings, words, grammar, the city's
 * wards and towns, terms and usual phrases, and the print fonts' shapes. Loaded once per template.
 */
public final class Knowledge {

    static final GlyphMatcher GLYPHS = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
    static final DigitShapes DIGITS = new DigitShapes(GlyphMatcher.DEBIAN_PRINT_FONTS);

    final NameDictionary names;
    final PersonNames personNames;
    final Lexicon lexicon;
    final boolean mendByShape;
    final Map<String, List<String>> wards;
    final List<String> terms;
    final Map<String, List<String>> vocabularies;
    final Map<Character, String> lookAlikes;
    final Map<String, List<String>> towns;
    final Grammar grammar;
    /** Each furigana field's name field, from the template's {@code names.fields}. */
    final Map<String, String> nameOfKana;

    public Knowledge(FormTemplate template) {
        this.names = template.names();
        Map<String, String> kanaNames = new HashMap<>();
        names.fields().forEach((nameKey, kanaKey) -> {
            if (!kanaKey.isEmpty()) {
                kanaNames.put(kanaKey, nameKey);
            }
        });
        this.nameOfKana = Map.copyOf(kanaNames);
        this.personNames = names.dictionary() == null ? PersonNames.NONE : PersonNames.load(names.dictionary(), names.encoding());
        LexiconSource words = template.lexicon();
        this.lexicon = words.directory() == null ? Lexicon.NONE : Lexicon.load(words.directory(), words.encoding());
        this.mendByShape = words.mendByShape() && !lexicon.isEmpty();
        this.wards = words.wards();
        this.terms = words.terms();
        this.vocabularies = words.vocabularies();
        this.lookAlikes = words.lookAlikes();
        this.towns = words.towns();
        this.grammar = words.grammarCheck() && words.directory() != null
                ? Grammar.load(words.directory(), words.encoding()) : Grammar.NONE;
    }

    /** Whether the field is a person's name the template pairs with furigana (or none). */
    boolean nameOfPerson(String key) {
        return names.fields().containsKey(key);
    }

    /** Whether the field is a person's name and there is a dictionary of names to hold it to. */
    boolean knownNames(String key) {
        return nameOfPerson(key) && !personNames.isEmpty();
    }

    /** A known name's dictionary readings, family and given reading run together as furigana is compared. */
    Set<String> readingsOf(String name) {
        Set<String> readings = new HashSet<>();
        personNames.readings(name).forEach(r -> readings.add(r.replace(" ", "")));
        return readings;
    }
}
