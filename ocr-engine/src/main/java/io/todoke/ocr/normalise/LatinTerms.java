package io.todoke.ocr.normalise;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latin-letter terms of the trade in Japanese text (SpO2, PCR, CT), spelled as the glossary does where the recogniser
 * mixed up look-alike letters and digits: {@code Sp02} is {@code SpO2}. The Japanese model reads an O beside digits as
 * a zero, and a term run into the number after it ({@code Sp0296%}) is set apart again ({@code SpO2 96%}). Pure.
 */
public final class LatinTerms {

    /** Characters the recogniser confuses in Latin text, both ways. */
    private static final Map<Character, String> LOOK_ALIKE = Map.of(
            'O', "O0o", '0', "0O", 'o', "o0", 'l', "l1I|", 'I', "I1l|", '1', "1lI|", 'S', "S5", '5', "5S",
            'B', "B8", '2', "2Z");

    private LatinTerms() {
    }

    /** {@code text} with every look-alike spelling of a term, not inside a longer Latin word, spelled as the term. */
    public static String mend(String text, List<String> terms) {
        String out = text;
        for (String term : terms) {
            StringBuilder re = new StringBuilder("(?<![A-Za-z0-9])");
            for (char c : term.toCharArray()) {
                String alike = LOOK_ALIKE.get(c);
                re.append(alike == null ? Pattern.quote(String.valueOf(c)) : "[" + Pattern.quote(alike) + "]");
            }
            re.append("(?![A-Za-z])( ?)(\\d?)");
            Matcher m = Pattern.compile(re.toString()).matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                // a term ending in a digit run into a number reads as another number: a space keeps them apart
                String gap = !m.group(2).isEmpty() && Character.isDigit(term.charAt(term.length() - 1)) ? " " : m.group(1);
                m.appendReplacement(b, Matcher.quoteReplacement(term + gap + m.group(2)));
            }
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }
}
