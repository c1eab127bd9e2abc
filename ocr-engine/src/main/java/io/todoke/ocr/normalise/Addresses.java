package io.todoke.ocr.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Addresses as a Japanese address is built: municipality, town, then block numbers ({@code 3丁目16番21号} or
 * {@code 1647-15}). At fax resolution the recogniser breaks the block markers in ways the structure undoes
 * (丁目 read as 丁日, 」目, 本日; 号 as a random kana), and misreads one character of a municipality's name (胡庫県)
 * that a list of municipalities restores. The town name is not changed here: {@code read.TownChoice} mends it by the
 * printed shape against the postal code data's towns. Pure.
 */
public final class Addresses {

    /**
     * 丁目 broken by the recogniser, between the chome number and the block number; its 目 sometimes doubled as 目日 or
     * 日日, and its 丁 read as 千 or 工, none of which an address has between two numbers.
     */
    private static final Pattern CHOME = Pattern.compile(
            "(\\d)\\s*(?:[丁」\\]］】｣|本耳上千工下]{1,2}\\s*[目日月卓]{0,2}|[目日])\\s*(?=\\d)");
    /**
     * 丁目 read as two or three 1s (a standard-mode fax keeps the uprights of 丁 and 目 and loses their bars): a run of
     * five or more digits before a 番 that is one digit, 11 or 111, then the block number ({@code 61116番} for
     * 6丁目6番, {@code 41128番} for 4丁目28番). A lot number before a 番 has at most four digits.
     */
    private static final Pattern CHOME_AS_ONES = Pattern.compile("(?<!\\d)([1-9])(1{2,3})(\\d{1,2})(?=\\s*番)");
    /**
     * A thin 1 read as a bracket or bar among block numbers ({@code 4番】2号}, {@code 6丁目|番}, {@code 11番]]号},
     * {@code 西代通]丁目}): each bracket of the run is a 1.
     */
    private static final Pattern ONE = Pattern.compile("(?<=[\\d番目日通町])\\s*([】」\\]］｣|｜]{1,3})\\s*(?=[\\d番号]|丁目)");
    /**
     * A dot between digits: a speck inside a block number before its 番 or 号 ({@code 2.7番}), otherwise the
     * hyphen of a lot number ({@code 133.11}); an address has no decimals.
     */
    private static final Pattern SPECK = Pattern.compile("(?<=\\d)[.．・](?=\\d+\\s*[番号])");
    private static final Pattern DOT_DASH = Pattern.compile("(?<=\\d)[.．](?=\\d)");
    /**
     * In {@code N丁目N?N号} the middle marker can only be 番; so it is where the block ends after the second number,
     * with or without a character for its 号 ({@code 4丁目11衝2}, {@code 1丁目14乱24著}: a standard-mode fax loses the
     * thin strokes of 番 and 号 alike).
     */
    private static final Pattern BAN = Pattern.compile(
            "丁目(\\d+)\\s*[^\\d\\s番号\\-]\\s*(?=\\d+(?:\\s*号|[^\\d\\s番号\\-]?(?:\\s|$|[ァ-ヶ])))");
    /** After {@code N丁目N番N} a single character other than 号 ending the block is 号. */
    private static final Pattern GO = Pattern.compile("丁目(\\d+)番(\\d+)\\s*[^\\d\\s号\\-](?=\\s|$)");
    /**
     * {@code N丁目N番N} ending the address or its block (before a space or a building's katakana name) is
     * {@code N丁目N番N号}: the same address, and the form a clerk writes (a faint 号 is what the recogniser drops).
     */
    private static final Pattern NO_GO = Pattern.compile("丁目(\\d+)番(\\d+)(?=\\s|$|[ァ-ヶ])");

    /**
     * Phrases a writer puts for "the same address as the patient's" (a guardian's, a workplace's): an address field
     * may hold one of them instead of an address.
     */
    private static final Pattern SAME_AS_ABOVE = Pattern.compile("同上|同じ|上記(?:に|と)?同じ|上に同じ|同住所|同右|同左");
    /** A municipal unit or a block number: what every address has and a short misreading seldom does. */
    private static final Pattern STRUCTURE = Pattern.compile("[都道府県市区町村郡丁番号\\d]");

    /**
     * The space a writer leaves between the block number and a building's name ({@code 加納町6-5-1 ハイツ神戸201}):
     * kept as written. {@link JapaneseText#text} drops a space beside a digit, where the recogniser puts one inside a
     * number ({@code 2 5号}); so the gap is held by a private-use character through it.
     */
    private static final Pattern BUILDING_GAP = Pattern.compile(
            "(?<=[0-9０-９号])[ \\t\\u3000]+(?=[^0-9０-９\\s\\u3000\\-－‐−ー丁目番号地室.,、。・])");
    private static final char HELD_GAP = '\uE000';

    private static final List<String> HEADS = heads();

    private Addresses() {
    }

    public static String normalise(String raw) {
        String held = raw == null ? null : BUILDING_GAP.matcher(raw.strip()).replaceFirst(String.valueOf(HELD_GAP));
        String s = JapaneseText.text(JapaneseText.digits(held)).replace(HELD_GAP, ' ');
        s = ONE.matcher(s).replaceAll(m -> "1".repeat(m.group(1).length()));
        s = SPECK.matcher(s).replaceAll("");
        s = DOT_DASH.matcher(s).replaceAll("-");
        s = CHOME.matcher(s).replaceAll("$1丁目");
        s = CHOME_AS_ONES.matcher(s).replaceAll(m -> m.group().length() >= 5 ? m.group(1) + "丁目" + m.group(3) : m.group());
        s = BAN.matcher(s).replaceAll("丁目$1番");
        s = GO.matcher(s).replaceAll("丁目$1番$2号");
        s = NO_GO.matcher(s).replaceAll("丁目$1番$2号");
        return head(s);
    }

    /**
     * Whether {@link #normalise} had to restore what the recogniser misread or dropped (a broken 丁目, a bracket for a
     * 1, a missing 号, a municipality's character), rather than only write the reading in standard form. The
     * recogniser read those characters wrong and sure of them, so it may have read the town the same way (人橋町 for
     * 大橋町 beside a 丁目 read as 」日, both at 0.985): such an address is for a clerk to confirm.
     */
    public static boolean repaired(String raw) {
        String plain = JapaneseText.text(JapaneseText.digits(raw));
        return !normalise(raw).replaceAll("\\s+", "").equals(plain.replaceAll("\\s+", ""));
    }

    /**
     * Whether a value can stand as an address: it has an address's structure (a municipal unit or a block number), or
     * is one of the phrases for "same as above" exactly. 同上 read as 同よ is neither, and its characters alone give
     * no hint of the mistake, so this is the check that sends it to a clerk.
     */
    public static boolean plausible(String value) {
        String compact = value.replaceAll("\\s+", "");
        return SAME_AS_ABOVE.matcher(compact).matches() || STRUCTURE.matcher(compact).find();
    }

    /**
     * Replaces the address's first characters with the one municipality they are closest to, when that is one
     * character away (two for long names) and no other municipality is as close.
     */
    static String head(String s) {
        String best = null;
        int bestLength = 0;
        int bestScore = Integer.MIN_VALUE;
        boolean tie = false;
        for (String h : HEADS) {
            int allowed = h.length() >= 8 ? 2 : h.length() >= 4 ? 1 : 0;
            for (int len = Math.max(1, h.length() - allowed); len <= Math.min(s.length(), h.length() + allowed); len++) {
                int d = EditDistance.levenshtein(h, s.substring(0, len));
                if (d > allowed) {
                    continue;
                }
                int score = h.length() - 2 * d;
                if (score > bestScore) {
                    bestScore = score;
                    best = h;
                    bestLength = len;
                    tie = false;
                } else if (score == bestScore && !h.equals(best)) {
                    tie = true;
                }
            }
        }
        if (best == null || tie || s.startsWith(best)) {
            return s;
        }
        return best + s.substring(bestLength);
    }

    /** Every municipality of the list, with and without its prefecture. */
    private static List<String> heads() {
        Set<String> out = new LinkedHashSet<>();
        Pattern prefecture = Pattern.compile("^(北海道|東京都|京都府|大阪府|.{2,3}県)(.+)$");
        try (InputStream in = Addresses.class.getResourceAsStream("municipalities.txt")) {
            if (in == null) {
                throw new IllegalStateException("municipalities.txt missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                out.add(line);
                var m = prefecture.matcher(line);
                if (m.matches()) {
                    out.add(m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }
}
