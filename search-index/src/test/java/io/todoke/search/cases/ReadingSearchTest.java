package io.todoke.search.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex.CaseQuery;
import io.todoke.search.CaseIndex.Hit;
import io.todoke.search.TestElasticsearch;

/** Kanji written without furigana, found by the reading kuromoji gives it on the real node (ja_reading sub-fields). */
class ReadingSearchTest {

    private static ElasticsearchCaseIndex index;
    private static String alias;

    @BeforeAll
    static void indexCases() {
        alias = "test-reading-" + UUID.randomUUID().toString().substring(0, 8);
        index = new ElasticsearchCaseIndex(TestElasticsearch.client(), alias, Refresh.WaitFor);
        index.index(doc("r1", "山田太郎", "神戸市西区玉津町1-2", "中央市民病院"));
        index.index(doc("r2", "田中花子", "神戸市北区鈴蘭台北町7-8", "西神中央クリニック"));
    }

    @AfterAll
    static void dropIndices() throws Exception {
        TestElasticsearch.dropAlias(alias);
    }

    @Test
    void aKanjiNameWithoutKanaIsFoundByItsReadingInAnyKanaScript() {
        assertThat(ids("やまだ")).containsExactly("r1");
        assertThat(ids("ヤマダ")).containsExactly("r1");
        assertThat(ids("ﾔﾏﾀﾞ")).containsExactly("r1");
        assertThat(ids("たなか")).containsExactly("r2");
    }

    @Test
    void anAddressOrFacilityIsFoundByTheReadingOfOneOfItsWords() {
        assertThat(ids("たまつ")).containsExactly("r1");
        assertThat(ids("びょういん")).containsExactly("r1");
    }

    @Test
    void aReadingThatIsNoWordOfTheCaseFindsNothing() {
        assertThat(ids("すずき")).isEmpty();
    }

    private static List<String> ids(String text) {
        return index.search(CaseQuery.text(text)).hits().stream().map(Hit::caseId).toList();
    }

    private static CaseDocument doc(String id, String name, String address, String facility) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("patient_name", name);
        fields.put("patient_address", address);
        fields.put("facility_name", facility);
        fields.put("report_date", "2021-01-08");
        return new CaseDocument(id, "fax-" + id, "西区", fields, "2021-01-08T09:00:00Z");
    }
}
