package io.todoke.ocr.template;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a template finds its dictionary of Japanese words, which chooses among disagreeing readings of doubtful text.
 *
 * @param directory   a directory of IPADIC-format CSV files (Debian's mecab-ipadic: /usr/share/mecab/dic/ipadic)
 * @param encoding    their character set (EUC-JP for Debian's package)
 * @param mendByShape whether a doubtful text's character that no reading got right is mended where a word one
 *                    character away fits the printed shape better ({@code read.WordRepair})
 * @param wards       the wards of each city of the jurisdiction (神戸市 → 東灘区 …): a ward read as none of them is
 *                    chosen among them by the printed shape ({@code read.PlaceChoice})
 * @param terms       Latin-letter terms of the trade (SpO2, PCR) that text fields spell as given where the recogniser
 *                    mixed up look-alike letters and digits ({@code normalise.LatinTerms})
 * @param vocabularies the words a text field usually holds, by field key (occupation → 会社員, 保育士 …): a reading one
 *                    character from one of them is taken as it ({@code read.VocabularyChoice})
 * @param lookAlikes  characters the recogniser reads, sure of them, for another it resembles (朗 for 郎), with the
 *                    characters they stand for: where a word or name proposes one of those, the printed shape needs to
 *                    favour it less clearly before it is taken ({@code read.WordRepair})
 * @param towns       the towns (町名) of each city or ward (神戸市北区 → 有馬町, 鈴蘭台北町 …), from the file
 *                    {@code lexicon.towns} names: a town read as none of its place's is the one of them the print looks
 *                    most like ({@code read.TownChoice})
 * @param grammarCheck whether a text field's kana whose voicing mark (゛ ゜) the grammar of the dictionary's
 *                    {@code matrix.def} finds markedly likelier otherwise is mended, for a clerk to confirm
 *                    ({@code lexicon.Grammar})
 */
public record LexiconSource(Path directory, Charset encoding, boolean mendByShape, Map<String, List<String>> wards,
                            List<String> terms, Map<String, List<String>> vocabularies, Map<Character, String> lookAlikes,
                            Map<String, List<String>> towns, boolean grammarCheck) {

    public static final LexiconSource NONE = new LexiconSource(null, null, false, Map.of(), List.of(), Map.of(), Map.of(),
            Map.of(), false);

    public LexiconSource {
        wards = wards == null ? Map.of() : Map.copyOf(wards);
        terms = terms == null ? List.of() : List.copyOf(terms);
        vocabularies = vocabularies == null ? Map.of() : Map.copyOf(vocabularies);
        lookAlikes = lookAlikes == null ? Map.of() : Map.copyOf(lookAlikes);
        towns = towns == null ? Map.of() : Map.copyOf(towns);
    }
}
