package io.todoke.ocr.read;

import io.todoke.ocr.lexicon.PersonNames;

import java.util.List;

/**
 * A name as its furigana spells it. The patient's name and its reading are written in two cells and read apart, so a
 * kanji misread for a look-alike (土田 for 上田, 天田 for 吉田, 運 for 蓮) is no longer the name the reading spells:
 * among the known names that reading spells, the one that differs from the name read in the fewest characters (at
 * most half of them) and fits the print best, if clearly, is the name. Pure.
 */
public final class NameByReading {

    private NameByReading() {
    }

    /**
     * The name with its family and given name (separated by white space, as is the furigana) each replaced where the
     * part read is not spelled by its furigana part and a known name of the same length that is clearly fits the
     * print; as it is otherwise. {@code shapes} are the printed characters, one per non-white-space character of the
     * name (null where not cut clear).
     */
    public static String choose(String name, List<GlyphMatcher.Shape> shapes, String furigana, PersonNames names,
                                GlyphMatcher glyphs) {
        String[] parts = name.strip().split("\\s+");
        String[] readings = furigana.strip().split("\\s+");
        String compact = name.replaceAll("\\s+", "");
        if (parts.length != 2 || readings.length != 2 || !WordRepair.comparable(compact, shapes, glyphs)) {
            return name;
        }
        String mended = name;
        int at = 0;
        for (int p = 0; p < 2; p++) {
            String part = parts[p];
            String chosen = choosePart(part, readings[p], p == 0, shapes.subList(at, at + part.length()), names, glyphs);
            if (!chosen.equals(part)) {
                mended = WordRepair.replacing(mended, at, chosen);
            }
            at += part.length();
        }
        return mended;
    }

    private static String choosePart(String part, String reading, boolean family, List<GlyphMatcher.Shape> shapes,
                                     PersonNames names, GlyphMatcher glyphs) {
        List<String> spelled = names.spelledAs(reading, family);
        if (spelled.isEmpty() || spelled.contains(part)) {
            return part;
        }
        String chosen = NearestByShape.choose(part, shapes, spelled, Math.max(1, part.length() / 2), glyphs);
        return chosen == null ? part : chosen;
    }
}
