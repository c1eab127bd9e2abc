package io.todoke.ocr.read;

import java.util.List;
import java.util.Map;

/**
 * The ward in an address as one of the city's wards. A health center's jurisdiction has a fixed list of them (神戸市:
 * 東灘区 … 西区), so a ward read as no ward of the city (旧区, 茜区) is the ward whose printed characters the page looks
 * most like among the wards fewest characters away: a choice among a handful, which a blurred fax still makes where
 * no single character can be read. Pure.
 */
public final class PlaceChoice {

    /** The best ward must look this much more like the page (mean fit per character) than the next best. */
    static final double MARGIN = 0.03;

    private PlaceChoice() {
    }

    /**
     * The text with a city's ward that is none of {@code wards} (city → its wards, each ending in its suffix, 区)
     * replaced by the ward whose characters fit the printed ones best; as it is when the ward read is one of the
     * city's, no ward of the same length and suffix is there, or no ward fits clearly best. {@code shapes} are the
     * printed characters, one per non-white-space character of the text (null where not cut clear).
     */
    public static String choose(String text, List<GlyphMatcher.Shape> shapes, Map<String, List<String>> wards,
                                GlyphMatcher glyphs) {
        String compact = text.replaceAll("\\s+", "");
        if (!WordRepair.comparable(compact, shapes, glyphs)) {
            return text;
        }
        int font = WordRepair.fontOf(compact, shapes, glyphs);
        for (Map.Entry<String, List<String>> city : wards.entrySet()) {
            int start = compact.indexOf(city.getKey());
            if (start < 0) {
                continue;
            }
            start += city.getKey().length();
            ClearBest<String> best = new ClearBest<>(0);
            int bestChanged = Integer.MAX_VALUE;
            for (String ward : city.getValue()) {
                int end = start + ward.length();
                if (end > compact.length() || compact.charAt(end - 1) != ward.charAt(ward.length() - 1)) {
                    continue;
                }
                int changed = 0;
                double fit = 0;
                for (int i = 0; i < ward.length() - 1; i++) {
                    GlyphMatcher.Shape printed = shapes.get(start + i);
                    changed += ward.charAt(i) == compact.charAt(start + i) ? 0 : 1;
                    fit += printed == null ? 0 : glyphs.similarity(printed, ward.substring(i, i + 1), font);
                }
                if (changed == 0) {
                    return text;
                }
                // fewest characters changed first (亭灘区 is 東灘区); the print decides among wards as near (旧区: 灘 北 西)
                if (changed < bestChanged) {
                    bestChanged = changed;
                    best.reset();
                }
                if (changed == bestChanged) {
                    best.offer(ward, fit / Math.max(1, ward.length() - 1));
                }
            }
            String ward = best.clearly(MARGIN);
            if (ward != null) {
                return WordRepair.replacing(text, start, ward);
            }
        }
        return text;
    }
}
