package io.todoke.ocr.template;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a template's name fields find their dictionary of family and given names.
 *
 * @param dictionary IPADIC-format CSV of names (Debian's mecab-ipadic: /usr/share/mecab/dic/ipadic/Noun.name.csv)
 * @param encoding   its character set (EUC-JP for Debian's package)
 * @param fields     the name fields, each with the key of the field holding its reading in katakana ("" for none)
 * @param glyphCheck whether a doubtful name one character away from known names is compared with them drawn in print
 *                   fonts (about +0.1–0.2 points of print accuracy for 4–7 % more time on the benchmark)
 */
public record NameDictionary(Path dictionary, Charset encoding, Map<String, String> fields, boolean glyphCheck) {

    public static final NameDictionary NONE = new NameDictionary(null, null, Map.of(), false);

    public NameDictionary {
        fields = Map.copyOf(fields);
    }
}
