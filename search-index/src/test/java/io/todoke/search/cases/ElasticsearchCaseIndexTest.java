package io.todoke.search.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex.CaseQuery;
import io.todoke.search.CaseIndex.Hit;
import io.todoke.search.CaseIndex.SearchResult;
import io.todoke.search.TestElasticsearch;

/** Against the real local node; each run uses its own alias so leftovers of earlier runs cannot interfere. */
class ElasticsearchCaseIndexTest {

    private static ElasticsearchClient client;
    private static ElasticsearchCaseIndex index;
    private static String alias;

    private static final List<CaseDocument> CASES = List.of(
            doc("c1", "西区", "山田 太郎", "ヤマダ タロウ", "male", "confirmed", "2021-01-08",
                    "神戸市西区玉津町今津1-2-3", "078-123-4567", "西神中央クリニック"),
            doc("c2", "西区", "山田 花子", "ヤマダ ハナコ", "female", "confirmed", "2021-01-09",
                    "神戸市西区伊川谷町有瀬5-6", "078-555-0101", "西神中央クリニック"),
            doc("c3", "北区", "田中 一郎", "タナカ イチロウ", "male", "asymptomatic", "2021-01-09",
                    "神戸市北区鈴蘭台北町7-8", "078-987-6543", "すずらん台内科"),
            doc("c4", "中央区", "佐藤 ガク", "サトウ ガク", "male", "confirmed", "2021-01-10",
                    "神戸市中央区三宮町1-1", "090-1111-2222", "三宮駅前医院"),
            doc("c5", "須磨区", "鈴木 さくら", "スズキ サクラ", "female", "suspected", "2021-01-12",
                    "神戸市須磨区須磨浦通4-4", "078-222-3333", "須磨海浜病院"));

    @BeforeAll
    static void indexCases() {
        client = TestElasticsearch.client();
        alias = "test-cases-" + UUID.randomUUID().toString().substring(0, 8);
        index = new ElasticsearchCaseIndex(client, alias, Refresh.WaitFor);
        CASES.forEach(index::index);
    }

    @AfterAll
    static void dropIndices() throws Exception {
        TestElasticsearch.dropAlias(alias);
    }

    @Test
    void aPartialKanjiNameFindsEveryCaseContainingIt() {
        assertThat(ids(index.search(CaseQuery.text("山田")))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(index.search(CaseQuery.text("太郎")))).containsExactly("c1");
        assertThat(ids(index.search(CaseQuery.text("山田太郎")))).containsExactly("c1");
    }

    @Test
    void aReadingIsFoundWhetherTypedInHiraganaKatakanaOrHalfWidth() {
        assertThat(ids(index.search(CaseQuery.text("やまだ")))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(index.search(CaseQuery.text("ヤマダ")))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(index.search(CaseQuery.text("ﾔﾏﾀﾞ")))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(index.search(CaseQuery.text("はなこ")))).containsExactly("c2");
        // A reading in the middle of the stored one, with a voiced mark typed half-width.
        assertThat(ids(index.search(CaseQuery.text("ｶﾞｸｻ")))).isEmpty();
        assertThat(ids(index.search(CaseQuery.text("ﾄｳｶﾞｸ")))).containsExactly("c4");
    }

    @Test
    void anAddressFragmentFindsTheCase() {
        assertThat(ids(index.search(CaseQuery.text("玉津町")))).containsExactly("c1");
        assertThat(ids(index.search(CaseQuery.text("鈴蘭台")))).containsExactly("c3");
        assertThat(ids(index.search(CaseQuery.text("西区")))).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void aPhoneNumberIsFoundWithOrWithoutHyphensAndByItsLastDigits() {
        assertThat(ids(index.search(CaseQuery.text("078-123-4567")))).containsExactly("c1");
        assertThat(ids(index.search(CaseQuery.text("０７８１２３４５６７")))).containsExactly("c1");
        assertThat(ids(index.search(CaseQuery.text("6543")))).containsExactly("c3");
        assertThat(ids(index.search(CaseQuery.text("1111-2222")))).containsExactly("c4");
    }

    @Test
    void aFacilityNameFindsItsPatients() {
        assertThat(ids(index.search(CaseQuery.text("西神中央")))).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void severalTermsMustAllMatch() {
        assertThat(ids(index.search(CaseQuery.text("山田　花子")))).containsExactly("c2");
        assertThat(ids(index.search(CaseQuery.text("山田 北区")))).isEmpty();
    }

    @Test
    void wardFilterLimitsResultsAndFacetsCountWhatIsVisible() {
        SearchResult all = index.search(query(null, List.of(), null, null, null, null));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.facets().get("ward")).containsExactlyInAnyOrderEntriesOf(
                Map.of("西区", 2L, "北区", 1L, "中央区", 1L, "須磨区", 1L));
        assertThat(all.facets().get("sex")).containsExactlyInAnyOrderEntriesOf(Map.of("male", 3L, "female", 2L));
        assertThat(all.facets().get("case_type")).containsExactlyInAnyOrderEntriesOf(
                Map.of("confirmed", 3L, "asymptomatic", 1L, "suspected", 1L));

        SearchResult west = index.search(query(null, List.of("西区", "北区"), null, null, null, null));
        assertThat(ids(west)).containsExactlyInAnyOrder("c1", "c2", "c3");
        assertThat(west.facets().get("ward")).containsExactlyInAnyOrderEntriesOf(Map.of("西区", 2L, "北区", 1L));
        assertThat(west.facets().get("sex")).containsExactlyInAnyOrderEntriesOf(Map.of("male", 2L, "female", 1L));
    }

    @Test
    void reportDateCaseTypeAndSexFiltersCombine() {
        assertThat(ids(index.search(query(null, List.of(), "2021-01-09", "2021-01-10", null, null))))
                .containsExactlyInAnyOrder("c2", "c3", "c4");
        assertThat(ids(index.search(query(null, List.of(), "2021-01-09", null, "confirmed", null))))
                .containsExactlyInAnyOrder("c2", "c4");
        assertThat(ids(index.search(query(null, List.of(), null, null, null, "female"))))
                .containsExactlyInAnyOrder("c2", "c5");
        assertThat(ids(index.search(query("神戸市", List.of("西区"), null, null, null, "female"))))
                .containsExactly("c2");
    }

    @Test
    void withoutTextTheNewestReportComesFirst() {
        assertThat(ids(index.search(query(null, List.of(), null, null, null, null))))
                .containsExactly("c5", "c4", "c2", "c3", "c1");
    }

    @Test
    void pagingReturnsTheRequestedSliceAndTheFullTotal() {
        SearchResult second = index.search(new CaseQuery(null, List.of(), null, null, null, null, 1, 2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(ids(second)).containsExactly("c2", "c3");
    }

    @Test
    void hitsCarryTheDocumentAndHighlightedMatches() {
        Hit hit = index.search(CaseQuery.text("やまだ")).hits().stream()
                .filter(h -> h.caseId().equals("c1")).findFirst().orElseThrow();
        assertThat(hit.document().ward()).isEqualTo("西区");
        assertThat(hit.document().faxId()).isEqualTo("fax-c1");
        assertThat(hit.document().fields()).containsEntry("patient_name", "山田 太郎")
                .containsEntry("report_date", "2021-01-08").doesNotContainKey("substr");
        assertThat(hit.highlights()).containsEntry("patient_name_kana", List.of("<em>ヤマダ</em> タロウ"));
        Hit phone = index.search(CaseQuery.text("123-4567")).hits().get(0);
        assertThat(phone.highlights()).containsEntry("patient_phone", List.of("078-<em>123-4567</em>"));
    }

    @Test
    void aReadingWrittenInHiraganaIsStoredAsKatakana() {
        CaseDocument hiragana = doc("k1", "灘区", "高橋 健", "たかはし けん", "male", "confirmed", "2021-02-01",
                "神戸市灘区", "078-000-0001", "灘診療所");
        index.index(hiragana);
        try {
            Hit hit = index.search(CaseQuery.text("ﾀｶﾊｼ")).hits().get(0);
            assertThat(hit.caseId()).isEqualTo("k1");
            assertThat(hit.document().fields()).containsEntry("patient_name_kana", "タカハシ ケン");
        } finally {
            index.delete("k1");
        }
        assertThat(ids(index.search(CaseQuery.text("タカハシ")))).isEmpty();
        // Deleting twice (an outbox retry) is not an error.
        index.delete("k1");
    }

    @Test
    void aMalformedDateDoesNotCostTheCaseItsPlaceInTheIndex() {
        CaseDocument odd = doc("m1", "兵庫区", "森 未来", "モリ ミライ", "female", "confirmed", "令和3年1月",
                "神戸市兵庫区", "078-000-0002", "兵庫診療所");
        index.index(odd);
        try {
            Hit hit = index.search(CaseQuery.text("森未来")).hits().get(0);
            assertThat(hit.caseId()).isEqualTo("m1");
            assertThat(hit.document().fields()).containsEntry("report_date", "令和3年1月");
        } finally {
            index.delete("m1");
        }
    }

    /** The local node carries the Japanese analysis plugin: readings of kanji names, as analysis-kuromoji does. */
    @Test
    void theLocalNodeAnalysesJapaneseWithKuromoji() throws Exception {
        var tokens = client.indices().analyze(a -> a.tokenizer(t -> t.name("kuromoji_tokenizer"))
                .filter(f -> f.name("kuromoji_readingform")).text("山田太郎")).tokens();
        assertThat(tokens).extracting(co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken::token)
                .containsExactly("ヤマダ", "タロウ");
    }

    /** A separate alias so the shared cases above stay put while this one swaps its index. */
    @Test
    void rebuildMovesTheAliasToANewIndexWhileSearchesKeepAnswering() throws Exception {
        String rebuildAlias = alias + "-rebuild";
        ElasticsearchCaseIndex rebuilt = new ElasticsearchCaseIndex(client, rebuildAlias, Refresh.WaitFor);
        try {
            CASES.forEach(rebuilt::index);
            String before = rebuilt.currentIndex();
            List<CaseDocument> many = new ArrayList<>(CASES);
            for (int i = 0; i < 1200; i++) {
                many.add(doc("gen-" + i, "垂水区", "生成 " + i, "セイセイ", i % 2 == 0 ? "male" : "female",
                        "confirmed", "2021-03-01", "神戸市垂水区" + i, "078-700-" + (1000 + i), "垂水病院"));
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread searcher = new Thread(() -> {
                while (!done.get() && failure.get() == null) {
                    try {
                        List<String> found = ids(rebuilt.search(CaseQuery.text("山田太郎")));
                        if (!found.equals(List.of("c1"))) {
                            failure.set(new AssertionError("search during rebuild found " + found));
                        }
                        searches.incrementAndGet();
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }
            });
            searcher.start();
            rebuilt.rebuild(many);
            done.set(true);
            searcher.join();

            assertThat(failure.get()).isNull();
            assertThat(searches.get()).isPositive();
            String after = rebuilt.currentIndex();
            assertThat(after).isNotEqualTo(before).startsWith(rebuildAlias + "-v");
            assertThat(client.indices().exists(b -> b.index(before)).value()).isFalse();
            assertThat(rebuilt.search(query(null, List.of(), null, null, null, null)).total()).isEqualTo(1205);
            assertThat(ids(rebuilt.search(CaseQuery.text("078-700-2199")))).containsExactly("gen-1199");
        } finally {
            TestElasticsearch.dropAlias(rebuildAlias);
        }
    }

    private static CaseQuery query(String text, List<String> wards, String from, String to, String caseType,
                                   String sex) {
        return new CaseQuery(text, wards, from, to, caseType, sex, 0, 50);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::caseId).toList();
    }

    static CaseDocument doc(String id, String ward, String name, String kana, String sex, String caseType,
                            String reportDate, String address, String phone, String facility) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("report_date", reportDate);
        fields.put("facility_name", facility);
        fields.put("case_type", caseType);
        fields.put("patient_name_kana", kana);
        fields.put("patient_name", name);
        fields.put("sex", sex);
        fields.put("age", 40);
        fields.put("patient_address", address);
        fields.put("patient_phone", phone);
        fields.put("symptoms", List.of("cough", "fever"));
        fields.put("death_date", null);
        return new CaseDocument(id, "fax-" + id, ward, fields, "2021-01-13T09:00:00Z");
    }
}
