package io.todoke.ocr.read;

import io.todoke.ocr.lexicon.Lexicon;
import io.todoke.ocr.lexicon.PersonNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Mends characters that no reading got right: where a dictionary word is one character away from the text read
 * (西区灯台 → 糀台, 保育十 → 保育士), the word's character is drawn in the print font the line looks set in and
 * compared with the printed character; it is taken only if it fits the page clearly better than the character read.
 * Readings at other scales and by another model only ever offer what the recogniser saw; a town's rare kanji it never
 * proposes is found this way.
 */
public final class WordRepair {

    /** A drawn character must overlap the printed one at least this much... */
    static final double MIN_FIT = 0.65;
    /** ...and this much more than the character read, after {@link #COST_WEIGHT}. */
    static final double MIN_GAIN = 0.15;
    /** Per unit of lexicon cost the mended text adds (or saves): a common word needs less of the page's say. */
    static final double COST_WEIGHT = 0.05 / 10_000;
    /**
     * A kana differing from the one read only by its voicing marks (ボ/ポ/ホ) is taken where it saves this much cost, as a
     * non-word becoming a word does (コーボ六甲 → コーポ六甲: 53,000 units), and its drawn shape fits no worse than
     * {@link #VOICING_SLACK} below the one read. Word costs alone know no grammar: と → ど in 友人との会食 saves 10,000
     * (どの is a word) and グ → ク in グランドール 13,000, so smaller savings are not taken.
     */
    static final double VOICING_SAVING = COST_WEIGHT * 30_000;
    static final double VOICING_SLACK = 0.05;

    /**
     * A proposal that must be a known family or given name, or a character the recogniser is known to read for another
     * (朗 for 郎, the template's look-alikes), is taken where the shape favours it by this much. A known name is a far
     * narrower choice than any word: on two generated sets of 200 faxes (seeds 12, 13), names needing this rather than
     * {@link #MIN_GAIN} made 21 more names right and 2 wrong (上田 → 土田), on two fresh ones (15, 16) 11 and 1; the
     * printed 郎 read as 朗 fitted a drawn 郎 0.09-0.14 better, and 浦 read as 清 0.10-0.27, while a 木 or 清 read right
     * never fitted its look-alike more than 0.065 better. Applied to every word, the same gain made about as many texts
     * wrong as right.
     */
    static final double NAME_OR_LOOK_ALIKE_GAIN = 0.08;

    /** Half the characters must look like what was read at least this much, or the line is not mended at all. */
    static final double LINE_FIT = 0.55;

    private WordRepair() {
    }

    /** What each character of a text may be instead of the one read, and what taking it costs. */
    public interface Proposals {

        /** Characters that could stand at position {@code i} of the text (white space left out). */
        Collection<Character> at(int i);

        /** What putting {@code c} at position {@code i} costs against the shape's gain (a rarer word: more). */
        double cost(int i, char c);

        /** How much better {@code proposed} must fit the printed character than {@code read} to replace it. */
        default double gain(char read, char proposed) {
            return MIN_GAIN;
        }
    }

    /**
     * {@code proposals}, where a proposed character that {@code lookAlikes} lists for the one read ({@code 朗 → "郎"})
     * needs only {@link #NAME_OR_LOOK_ALIKE_GAIN} of the shape's say.
     */
    public static Proposals withLookAlikes(Proposals proposals, Map<Character, String> lookAlikes) {
        if (lookAlikes.isEmpty()) {
            return proposals;
        }
        return new Proposals() {
            @Override
            public Collection<Character> at(int i) {
                return proposals.at(i);
            }

            @Override
            public double cost(int i, char c) {
                return proposals.cost(i, c);
            }

            @Override
            public double gain(char read, char proposed) {
                return lookAlikes.getOrDefault(read, "").indexOf(proposed) >= 0 ? NAME_OR_LOOK_ALIKE_GAIN
                        : proposals.gain(read, proposed);
            }
        };
    }

    /** Proposes nothing. */
    public static final Proposals NONE = new Proposals() {
        @Override
        public Collection<Character> at(int i) {
            return List.of();
        }

        @Override
        public double cost(int i, char c) {
            return 0;
        }
    };

    /** Characters that make a dictionary word with their neighbours, a rarer spelling costing more. */
    public static Proposals words(String text, Lexicon lexicon) {
        String words = Lexicon.prepared(text);
        if (lexicon.isEmpty() || words.length() != text.replaceAll("\\s+", "").length()) {
            // the dictionary's form of the text does not line up character for character with it
            return NONE;
        }
        int cost = lexicon.cost(words);
        return new Proposals() {
            @Override
            public Collection<Character> at(int i) {
                return lexicon.fits(words, i);
            }

            @Override
            public double cost(int i, char c) {
                char[] tried = words.toCharArray();
                tried[i] = c;
                return COST_WEIGHT * (lexicon.cost(new String(tried)) - cost);
            }
        };
    }

    /**
     * Characters that make a known family or given name of the part of {@code name} (family name, white space, given
     * name) they stand in, where it is one character away from one: 山木 → 山本, 千届 → 千尋. Nothing for a text of
     * other than two parts.
     */
    public static Proposals names(String name, PersonNames names) {
        String[] parts = name.strip().split("\\s+");
        List<List<Character>> at = new ArrayList<>();
        if (parts.length == 2) {
            for (int k = 0; k < 2; k++) {
                List<List<Character>> own = new ArrayList<>();
                for (int i = 0; i < parts[k].length(); i++) {
                    own.add(new ArrayList<>());
                }
                for (String other : names.oneCharacterAway(parts[k], k == 0)) {
                    int i = 0;
                    while (other.charAt(i) == parts[k].charAt(i)) {
                        i++;
                    }
                    own.get(i).add(other.charAt(i));
                }
                at.addAll(own);
            }
        }
        return new Proposals() {
            @Override
            public Collection<Character> at(int i) {
                return i < at.size() ? at.get(i) : List.of();
            }

            @Override
            public double cost(int i, char c) {
                return 0;
            }

            @Override
            public double gain(char read, char proposed) {
                return NAME_OR_LOOK_ALIKE_GAIN;
            }
        };
    }

    /**
     * The text with each character mended where a word proposes one that fits its shape better; spacing and line
     * breaks kept. {@code shapes} are the printed characters, one per non-white-space character of {@code text} (null
     * where one is not cut clear); the text is returned as it is when they do not line up.
     */
    public static String repair(String text, List<GlyphMatcher.Shape> shapes, Lexicon lexicon, GlyphMatcher glyphs) {
        return repair(text, shapes, words(text, lexicon), glyphs);
    }

    /** {@link #repair(String, List, Lexicon, GlyphMatcher)} with characters proposed by {@code proposals}. */
    public static String repair(String text, List<GlyphMatcher.Shape> shapes, Proposals proposals, GlyphMatcher glyphs) {
        String compact = text.replaceAll("\\s+", "");
        if (!comparable(compact, shapes, glyphs)) {
            return text;
        }
        // a line is printed in one face: the font its characters look most like is the one candidates are drawn in
        int font = fontOf(compact, shapes, glyphs);
        double[] asRead = fits(compact, shapes, glyphs, font);
        double median = median(asRead);
        if (median < LINE_FIT) {
            // most characters do not look like what was read: handwriting, or a text that does not line up
            return text;
        }
        char[] mended = compact.toCharArray();
        for (int i = 0; i < compact.length(); i++) {
            GlyphMatcher.Shape printed = shapes.get(i);
            if (printed == null) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            Character voiced = null;
            for (char c : proposals.at(i)) {
                double fit = glyphs.similarity(printed, String.valueOf(c), font);
                if (voiced == null && best == Double.NEGATIVE_INFINITY && sameButForVoicing(compact.charAt(i), c)
                        && fit >= asRead[i] - VOICING_SLACK && proposals.cost(i, c) <= -VOICING_SAVING) {
                    // ボ and ポ differ by a few pixels a fax blurs: the shape can only not object, the words decide;
                    // taken unless a character the shape does favour comes up
                    voiced = c;
                    continue;
                }
                double needed = proposals.gain(compact.charAt(i), c);
                if (fit < MIN_FIT || fit - asRead[i] < needed) {
                    continue;
                }
                double gain = fit - asRead[i] - proposals.cost(i, c);
                if (gain >= needed && gain >= best) {
                    best = gain;
                    mended[i] = c;
                }
            }
            if (mended[i] == compact.charAt(i) && voiced != null) {
                mended[i] = voiced;
            }
        }
        return replacing(text, 0, new String(mended));
    }

    /** Whether two kana are one base kana with different voicing marks (ボ, ポ, ホ). */
    static boolean sameButForVoicing(char a, char b) {
        return io.todoke.ocr.lexicon.Grammar.voicings(a).contains(b);
    }

    /**
     * Whether the printed characters can be compared with the text's (white space left out): fonts to draw in, one
     * shape per character, and no character outside the Basic Multilingual Plane (a shape per {@code char}).
     */
    static boolean comparable(String compact, List<GlyphMatcher.Shape> shapes, GlyphMatcher glyphs) {
        return !glyphs.isEmpty() && shapes != null && !compact.isEmpty() && shapes.size() == compact.length()
                && compact.codePointCount(0, compact.length()) == compact.length();
    }

    /** The print font (index in {@code glyphs}) whose characters the text's printed ones look most like. */
    static int fontOf(String compact, List<GlyphMatcher.Shape> shapes, GlyphMatcher glyphs) {
        int font = 0;
        double best = -1;
        for (int f = 0; f < glyphs.fontCount(); f++) {
            double m = median(fits(compact, shapes, glyphs, f));
            if (m > best) {
                best = m;
                font = f;
            }
        }
        return font;
    }

    private static double[] fits(String compact, List<GlyphMatcher.Shape> shapes, GlyphMatcher glyphs, int font) {
        double[] fits = new double[compact.length()];
        for (int i = 0; i < compact.length(); i++) {
            GlyphMatcher.Shape printed = shapes.get(i);
            fits[i] = printed == null ? 0 : glyphs.similarity(printed, String.valueOf(compact.charAt(i)), font);
        }
        return fits;
    }

    /**
     * {@code text} with its non-white-space characters from the {@code from}-th on replaced by {@code replacement}'s,
     * white space kept where it was.
     */
    static String replacing(String text, int from, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(c);
            } else {
                out.append(k >= from && k - from < replacement.length() ? replacement.charAt(k - from) : c);
                k++;
            }
        }
        return out.toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
