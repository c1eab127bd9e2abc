package io.todoke.search.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.search.analysis.plugin.CjkWidthFilterFactory;
import io.todoke.search.analysis.plugin.KuromojiTokenizerFactory;
import io.todoke.search.analysis.plugin.ReadingFormFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseAnalysisPluginTest {

    @Test
    void everyRegisteredComponentExistsImplementsItsInterfaceAndCarriesItsName() throws Exception {
        JsonNode components;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JapaneseAnalysisPlugin.COMPONENTS)) {
            components = new ObjectMapper().readTree(in);
        }
        assertThat(components.size()).isEqualTo(2);
        for (Map.Entry<String, JsonNode> byInterface : components.properties()) {
            Class<?> extensible = Class.forName(byInterface.getKey());
            for (Map.Entry<String, JsonNode> component : byInterface.getValue().properties()) {
                Class<?> type = Class.forName(component.getValue().asText());
                assertThat(extensible).isAssignableFrom(type);
                assertThat(type.getAnnotation(NamedComponent.class).value()).isEqualTo(component.getKey());
            }
        }
    }

    @Test
    void descriptorNamesTheServerVersionItWasBuiltFor() throws Exception {
        Properties descriptor = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JapaneseAnalysisPlugin.DESCRIPTOR)) {
            descriptor.load(in);
        }
        assertThat(descriptor.getProperty("name")).isEqualTo(JapaneseAnalysisPlugin.NAME);
        assertThat(descriptor.getProperty("elasticsearch.version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(descriptor.getProperty("version")).doesNotContain("${");
    }

    @Test
    void installWritesDescriptorsAndJarsHoldingTheComponentsAndTheDictionary(@TempDir Path plugins) throws Exception {
        Path dir = JapaneseAnalysisPlugin.installInto(plugins);

        assertThat(dir).isEqualTo(plugins.resolve("todoke-analysis-ja"));
        assertThat(dir.resolve("stable-plugin-descriptor.properties")).isRegularFile();
        assertThat(dir.resolve("named_components.json")).isRegularFile();
        try (JarFile own = new JarFile(dir.resolve("todoke-analysis-ja.jar").toFile());
             JarFile kuromoji = new JarFile(dir.resolve("lucene-analysis-kuromoji.jar").toFile())) {
            assertThat(own.getEntry("io/todoke/search/analysis/plugin/KuromojiTokenizerFactory.class")).isNotNull();
            assertThat(kuromoji.getEntry("org/apache/lucene/analysis/ja/JapaneseTokenizer.class")).isNotNull();
        }
        // Installing again replaces the copy in place.
        JapaneseAnalysisPlugin.installInto(plugins);
        try (var listing = Files.list(plugins)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("todoke-analysis-ja");
        }
    }

    @Test
    void readingFormMakesKanjiNamesAndTheirReadingsTheSameTerms() throws Exception {
        assertThat(readings("山田太郎")).containsExactly("ヤマダ", "タロウ");
        assertThat(readings("ﾔﾏﾀﾞ ﾀﾛｳ")).containsExactly("ヤマダ", "タロウ");
    }

    @Test
    void anAddressSplitsIntoCityAndWardWords() throws Exception {
        // Town names the dictionary does not split (住吉本町 -> 住吉本, 町) are why addresses also get n-grams.
        assertThat(terms("神戸市東灘区住吉本町", false)).contains("神戸", "東灘", "区");
    }

    private static List<String> readings(String text) throws Exception {
        return terms(text, true);
    }

    private static List<String> terms(String text, boolean reading) throws Exception {
        Tokenizer tokenizer = new KuromojiTokenizerFactory().create();
        tokenizer.setReader(new StringReader(text));
        TokenStream stream = new CjkWidthFilterFactory().create(tokenizer);
        if (reading) {
            stream = new ReadingFormFilterFactory().create(stream);
        }
        List<String> out = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        stream.end();
        stream.close();
        return out;
    }
}
