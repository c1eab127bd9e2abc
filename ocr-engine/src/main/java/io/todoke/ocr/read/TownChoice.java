package io.todoke.ocr.read;

import java.util.List;
import java.util.Map;

/**
 * The town (町名) in an address as one of its city's or ward's towns. The postal code data lists every town of a ward
 * (神戸市兵庫区: 大開通, 湊川町 … about a hundred), so a town read as none of them (人開通, 潮川町) is the one whose printed
 * characters the page looks most like among the towns of the same length fewest characters away. Each character is
 * compared in the print font it fits best: a fax in standard mode thins a Mincho face's strokes until the line as a
 * whole looks Gothic (有馬町 fits 鳥 better than 馬 in Gothic). Pure.
 */
public final class TownChoice {

    private TownChoice() {
    }

    /**
     * The text with the town after a city or ward of {@code towns} (city → its towns) replaced by the town of that place
     * the print fits best, where the town read (up to the block number's first digit) is none of them; as it is when it
     * is one, no town of the same length is at most half its characters away, a character a town would change fits the
     * print clearly worse than the one read, or no town fits clearly best. {@code shapes} are the printed characters,
     * one per non-white-space character of the text (null where not cut clear).
     */
    public static String choose(String text, List<GlyphMatcher.Shape> shapes, Map<String, List<String>> towns,
                                GlyphMatcher glyphs) {
        String compact = text.replaceAll("\\s+", "");
        if (towns.isEmpty() || !WordRepair.comparable(compact, shapes, glyphs)) {
            return text;
        }
        int[] span = townSpan(compact, towns);
        if (span == null) {
            return text;
        }
        int start = span[0];
        int end = span[1];
        List<String> candidates = towns.get(compact.substring(span[2], start));
        String read = compact.substring(start, end);
        if (candidates.contains(read)) {
            return text;
        }
        String town = NearestByShape.choose(read, shapes.subList(start, end), candidates, read.length() / 2, glyphs);
        return town == null ? text : WordRepair.replacing(text, start, town);
    }

    /** Whether the text names a place of {@code towns} followed by one of its towns (white space aside). */
    public static boolean knownTown(String text, Map<String, List<String>> towns) {
        return Boolean.TRUE.equals(listed(text, towns));
    }

    /**
     * Whether the text names a place of {@code towns} followed by something that is none of its towns (white space
     * aside): false where no listed place is named, since then there is nothing to check the town against.
     */
    public static boolean unknownTown(String text, Map<String, List<String>> towns) {
        return Boolean.FALSE.equals(listed(text, towns));
    }

    /** Whether the town after the text's listed place is one of that place's; null where no listed place is named. */
    private static Boolean listed(String text, Map<String, List<String>> towns) {
        String compact = text.replaceAll("\\s+", "");
        int[] span = townSpan(compact, towns);
        return span == null ? null
                : towns.get(compact.substring(span[2], span[0])).contains(compact.substring(span[0], span[1]));
    }

    /**
     * Where the town is in a compact text: {start, end, start of the place before it}, the town ending at the block
     * number's first digit; null where no place of {@code towns} is named or nothing follows it.
     */
    private static int[] townSpan(String compact, Map<String, List<String>> towns) {
        int at = Integer.MAX_VALUE;
        String place = null;
        for (String p : towns.keySet()) {
            int i = compact.indexOf(p);
            // the earliest place named, the longest there
            if (i >= 0 && (i < at || i == at && p.length() > place.length())) {
                at = i;
                place = p;
            }
        }
        if (place == null) {
            return null;
        }
        int start = at + place.length();
        int end = start;
        while (end < compact.length() && !isDigit(compact.charAt(end))) {
            end++;
        }
        return end > start ? new int[] {start, end, at} : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }
}
