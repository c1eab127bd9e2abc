package io.todoke.tools.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.elasticsearch.client.RestClient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex.CaseQuery;
import io.todoke.search.CaseStatistics.CountDate;
import io.todoke.search.cases.ElasticsearchCaseIndex;
import io.todoke.search.config.ElasticsearchClients;
import io.todoke.search.config.SearchProperties;
import io.todoke.search.node.LocalElasticsearch;
import io.todoke.search.node.LocalNodeSettings;

/**
 * {@code make bench} for search: generates N synthetic confirmed cases, bulk-indexes them into a local node through
 * the production rebuild path, then times searches and statistics and prints a Markdown table (p50/p95).
 *
 * <p>Arguments: {@code --cases N} (default 1,000,000), {@code --queries N} per kind (default 200), {@code --seed S},
 * {@code --var DIR} (the node's var directory, default {@code bench-out/elasticsearch}), {@code --heap SIZE}.
 */
public final class SearchBenchmark {

    static final String[] WARDS = {"東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区", "須磨区", "垂水区", "西区"};
    static final String[][] SURNAMES = {{"山田", "やまだ"}, {"田中", "たなか"}, {"佐藤", "さとう"}, {"鈴木", "すずき"},
            {"高橋", "たかはし"}, {"伊藤", "いとう"}, {"渡辺", "わたなべ"}, {"中村", "なかむら"}, {"小林", "こばやし"},
            {"加藤", "かとう"}, {"吉田", "よしだ"}, {"松本", "まつもと"}, {"井上", "いのうえ"}, {"木村", "きむら"},
            {"林", "はやし"}, {"清水", "しみず"}, {"山口", "やまぐち"}, {"森", "もり"}, {"池田", "いけだ"},
            {"橋本", "はしもと"}};
    static final String[][] GIVEN = {{"太郎", "たろう"}, {"花子", "はなこ"}, {"一郎", "いちろう"}, {"さくら", "さくら"},
            {"健", "けん"}, {"陽子", "ようこ"}, {"翔", "しょう"}, {"美咲", "みさき"}, {"大輔", "だいすけ"},
            {"由美", "ゆみ"}, {"誠", "まこと"}, {"愛", "あい"}};
    static final String[] TOWNS = {"玉津町", "伊川谷町", "鈴蘭台北町", "三宮町", "須磨浦通", "本山町", "御影町",
            "六甲台町", "板宿町", "舞子台", "名谷町", "岡本", "湊川町", "大開通", "学園西町", "押部谷町"};
    static final String[] FACILITIES = {"みなと内科クリニック", "西神中央クリニック", "すずらん台内科", "三宮駅前医院",
            "須磨海浜病院", "中央市民病院", "垂水小児科", "六甲アイランド病院"};
    static final String[] CASE_TYPES = {"confirmed", "confirmed", "confirmed", "asymptomatic", "suspected",
            "deceased"};
    static final LocalDate FIRST_DAY = LocalDate.parse("2020-03-01");
    static final int DAYS = 1000;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int cases = Integer.parseInt(opts.getOrDefault("cases", System.getenv().getOrDefault("BENCH_CASES", "1000000")));
        int queries = Integer.parseInt(opts.getOrDefault("queries", "200"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        Path var = Path.of(opts.getOrDefault("var", "bench-out/elasticsearch")).toAbsolutePath();
        String heap = opts.getOrDefault("heap", "2g");

        LocalNodeSettings settings = new LocalNodeSettings(null, null, var, null, 0, 0, heap, null, null, null, null);
        try (LocalElasticsearch node = new LocalElasticsearch(settings)) {
            node.start();
            RestClient rest = ElasticsearchClients.restClient(List.of(node.httpUri()),
                    new SearchProperties(null, null, null, null, null, null, null, null, null, null,
                            java.time.Duration.ofMinutes(5), null));
            try (rest) {
                ElasticsearchClient client = ElasticsearchClients.client(rest);
                ElasticsearchCaseIndex index = new ElasticsearchCaseIndex(client, "bench-cases", Refresh.False);
                long start = System.nanoTime();
                index.rebuild(() -> documents(cases, seed));
                double seconds = (System.nanoTime() - start) / 1e9;
                client.indices().forcemerge(b -> b.index("bench-cases").maxNumSegments(1L));

                System.out.println("## Search (Elasticsearch " + LocalNodeSettings.DEFAULT_VERSION + ", local node, heap "
                        + heap + ")");
                System.out.println();
                System.out.printf(Locale.ROOT, "- bulk indexing: %,d cases in %.1f s = %,.0f docs/s (rebuild path, "
                        + "1,000 per bulk, one client thread)%n", cases, seconds, cases / seconds);
                System.out.println("- queries per kind: " + queries + " after " + Math.max(10, queries / 10)
                        + " warm-up queries; seed " + seed);
                System.out.println();
                System.out.println("| query | p50 ms | p95 ms | max ms | mean hits |");
                System.out.println("|---|---:|---:|---:|---:|");
                Random r = new Random(seed + 1);
                long[] hits = new long[1];
                row("name fragment (kanji surname)", queries, hits, i -> hits[0] += index.search(
                        CaseQuery.text(SURNAMES[r.nextInt(SURNAMES.length)][0])).total());
                row("name fragment (surname + given)", queries, hits, i -> hits[0] += index.search(CaseQuery.text(
                        SURNAMES[r.nextInt(SURNAMES.length)][0] + GIVEN[r.nextInt(GIVEN.length)][0])).total());
                row("reading (hiragana)", queries, hits, i -> hits[0] += index.search(
                        CaseQuery.text(SURNAMES[r.nextInt(SURNAMES.length)][1])).total());
                row("address fragment", queries, hits, i -> hits[0] += index.search(
                        CaseQuery.text(TOWNS[r.nextInt(TOWNS.length)])).total());
                row("phone (last 4 digits)", queries, hits, i -> hits[0] += index.search(
                        CaseQuery.text(String.format(Locale.ROOT, "%04d", r.nextInt(10000)))).total());
                row("ward filter + 30-day report date range", queries, hits, i -> {
                    LocalDate from = FIRST_DAY.plusDays(r.nextInt(DAYS - 30));
                    hits[0] += index.search(new CaseQuery(null, List.of(WARDS[r.nextInt(WARDS.length)]),
                            from.toString(), from.plusDays(29).toString(), null, null, 0, 20)).total();
                });
                row("statistics: 90 days by ward (city-wide)", queries, hits, i -> {
                    LocalDate from = FIRST_DAY.plusDays(r.nextInt(DAYS - 90));
                    hits[0] += index.dailyByWard(from, from.plusDays(89), CountDate.REPORT_DATE, List.of()).total();
                });
                row("statistics: press table of a day (one ward)", queries, hits, i -> hits[0] += index.pressTable(
                        FIRST_DAY.plusDays(r.nextInt(DAYS)), CountDate.REPORT_DATE,
                        List.of(WARDS[r.nextInt(WARDS.length)])).total());
                client.indices().delete(b -> b.index(index.currentIndex()));
            }
        }
    }

    private static void row(String name, int queries, long[] hits, IntConsumer query) {
        for (int i = 0; i < Math.max(10, queries / 10); i++) {
            query.accept(i);
        }
        hits[0] = 0;
        long[] ms = new long[queries];
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            query.accept(i);
            ms[i] = System.nanoTime() - t;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %,.0f |%n", name, ms[(int) (queries * 0.50)] / 1e6,
                ms[Math.min(queries - 1, (int) Math.ceil(queries * 0.95) - 1)] / 1e6, ms[queries - 1] / 1e6,
                hits[0] / (double) queries);
    }

    /** Deterministic synthetic cases, generated lazily so a million never sit in memory at once. */
    static Iterator<CaseDocument> documents(int count, long seed) {
        Random r = new Random(seed);
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public CaseDocument next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int n = next++;
                String[] surname = SURNAMES[r.nextInt(SURNAMES.length)];
                String[] given = GIVEN[r.nextInt(GIVEN.length)];
                String ward = WARDS[r.nextInt(WARDS.length)];
                LocalDate report = FIRST_DAY.plusDays(r.nextInt(DAYS));
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("patient_name", surname[0] + " " + given[0]);
                fields.put("patient_name_kana", surname[1] + " " + given[1]);
                fields.put("patient_address", "神戸市" + ward + TOWNS[r.nextInt(TOWNS.length)] + (1 + r.nextInt(9)) + "-"
                        + (1 + r.nextInt(30)));
                fields.put("patient_phone", String.format(Locale.ROOT, "078-%03d-%04d", r.nextInt(1000),
                        r.nextInt(10000)));
                fields.put("facility_name", FACILITIES[r.nextInt(FACILITIES.length)]);
                fields.put("sex", r.nextBoolean() ? "male" : "female");
                fields.put("age", r.nextInt(101));
                fields.put("case_type", CASE_TYPES[r.nextInt(CASE_TYPES.length)]);
                fields.put("report_date", report.toString());
                fields.put("diagnosis_date", report.minusDays(r.nextInt(3)).toString());
                String id = String.format(Locale.ROOT, "bench-%07d", n);
                return new CaseDocument(id, null, ward, fields, report + "T09:00:00Z");
            }
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: SearchBenchmark [--cases N] [--queries N] [--seed S] "
                        + "[--var DIR] [--heap SIZE]; bad argument: " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
