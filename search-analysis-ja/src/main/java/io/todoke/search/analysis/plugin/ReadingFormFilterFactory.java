package io.todoke.search.analysis.plugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseReadingFormFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Replaces each word by its katakana reading, so 山田 and ヤマダ become the same term. */
@NamedComponent("kuromoji_readingform")
public class ReadingFormFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new JapaneseReadingFormFilter(tokenStream, false);
    }
}
