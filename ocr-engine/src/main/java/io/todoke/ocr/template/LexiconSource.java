package io.todoke.ocr.template;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Where a template finds its dictionary of Japanese words, which chooses among disagreeing readings of doubtful text.
 *
 * @param directory a directory of IPADIC-format CSV files (Debian's mecab-ipadic: /usr/share/mecab/dic/ipadic)
 * @param encoding  their character set (EUC-JP for Debian's package)
 */
public record LexiconSource(Path directory, Charset encoding) {

    public static final LexiconSource NONE = new LexiconSource(null, null);
}
