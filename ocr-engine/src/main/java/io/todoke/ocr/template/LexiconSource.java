package io.todoke.ocr.template;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Where a template finds its dictionary of Japanese words, which chooses among disagreeing readings of doubtful text.
 *
 * @param directory   a directory of IPADIC-format CSV files (Debian's mecab-ipadic: /usr/share/mecab/dic/ipadic)
 * @param encoding    their character set (EUC-JP for Debian's package)
 * @param mendByShape whether a doubtful text's character that no reading got right is mended where a word one
 *                    character away fits the printed shape better ({@code read.WordRepair})
 */
public record LexiconSource(Path directory, Charset encoding, boolean mendByShape) {

    public static final LexiconSource NONE = new LexiconSource(null, null, false);
}
