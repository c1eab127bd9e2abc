package io.todoke.search.analysis.plugin;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Splits Japanese into dictionary words. Search mode also emits the parts of long compounds, so
 * 東灘区 is found by 東灘 as well.
 */
@NamedComponent("kuromoji_tokenizer")
public class KuromojiTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
    }
}
