package io.todoke.search.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex;
import io.todoke.search.CaseStatistics;
import io.todoke.search.SearchUnavailableException;

/**
 * {@link CaseIndex} on Elasticsearch: versioned indices {@code <alias>-vN} created from the index template in
 * {@code config/search/cases-template.json}, read and written through the alias.
 *
 * <p>Text search is substring search over normalised text ({@link SearchText}): the local node has no Japanese
 * analyser, so every suffix of a name, reading, address, facility and phone number is indexed as a keyword and a
 * typed term is a prefix query over them.
 */
public class ElasticsearchCaseIndex implements CaseIndex, CaseStatistics {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchCaseIndex.class);
    public static final String TEMPLATE_RESOURCE = "search/cases-template.json";

    /** Substring groups: the keyword array under {@code substr.<group>} and the source fields it is built from. */
    static final Map<String, List<String>> TEXT_GROUPS = Map.of(
            "name", List.of("patient_name", "guardian_name"),
            "kana", List.of("patient_name_kana"),
            "address", List.of("patient_address", "guardian_address"),
            "facility", List.of("facility_name", "physician_name"));
    static final List<String> PHONE_FIELDS = List.of("patient_phone", "facility_phone");
    /** Text fields with a {@code ja_reading} sub-field (kuromoji readings, katakana). */
    static final List<String> READING_FIELDS = List.of("patient_name", "patient_address", "facility_name");
    /** A normalised term that is all katakana (SearchText turns hiragana and half-width kana into it). */
    private static final Pattern KANA = Pattern.compile("[\\u30A1-\\u30FCー]+");
    /** Relevance when several kinds of field match: a name beats an address beats a facility. */
    private static final Map<String, Float> BOOSTS = Map.of("name", 4f, "kana", 4f, "phone", 3f, "address", 2f,
            "facility", 1f);
    private static final Set<String> META = Set.of("case_id", "fax_id", "ward", "disease", "confirmed_at", "substr");
    private static final List<String> FACETS = List.of("disease", "ward", "case_type", "sex", "followup_status_label",
            "followup_stay_label");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final String alias;
    private final Refresh refresh;
    private final String templateJson;
    private final Pattern versioned;
    private volatile boolean ready;
    /** While a rebuild fills a new index, writes go there too so the swap loses nothing. */
    private volatile String rebuildTarget;

    public ElasticsearchCaseIndex(ElasticsearchClient client, String alias, Refresh refresh) {
        this(client, alias, refresh, loadTemplate());
    }

    public ElasticsearchCaseIndex(ElasticsearchClient client, String alias, Refresh refresh, String templateJson) {
        this.client = client;
        this.alias = alias;
        this.refresh = refresh;
        this.templateJson = templateJson;
        this.versioned = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
    }

    public String alias() {
        return alias;
    }

    /** Puts the index template and creates the first index behind the alias if there is none. Idempotent. */
    public synchronized void ensureIndex() {
        if (ready) {
            return;
        }
        call("preparing the index", () -> {
            client.indices().putIndexTemplate(b -> b.name(alias + "-template")
                    .withJson(new StringReader(templateBody())));
            if (!client.indices().existsAlias(b -> b.name(alias)).value()) {
                if (client.indices().exists(b -> b.index(alias)).value()) {
                    throw new IllegalStateException("An index named " + alias + " exists where the alias should be "
                            + "(created by a write before the alias existed?); delete it and rebuild the index.");
                }
                String first = alias + "-v" + (latestVersion() + 1);
                try {
                    client.indices().create(b -> b.index(first).aliases(alias, a -> a));
                    log.info("Created search index {} behind alias {}", first, alias);
                } catch (ElasticsearchException e) {
                    // Another instance created it first.
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            return null;
        });
        ready = true;
    }

    /** The concrete index the alias points at now. */
    public String currentIndex() {
        ensureIndex();
        return call("reading the alias", () -> {
            Collection<String> indices = client.indices().getAlias(b -> b.name(alias)).result().keySet();
            return indices.iterator().next();
        });
    }

    @Override
    public void index(CaseDocument document) {
        ensureIndex();
        Map<String, Object> source = toSource(document);
        String extra = rebuildTarget;
        call("indexing case " + document.caseId(), () -> {
            client.index(b -> b.index(alias).id(document.caseId()).document(source).refresh(refresh));
            if (extra != null) {
                client.index(b -> b.index(extra).id(document.caseId()).document(source));
            }
            return null;
        });
    }

    @Override
    public void delete(String caseId) {
        ensureIndex();
        String extra = rebuildTarget;
        call("deleting case " + caseId, () -> {
            client.delete(b -> b.index(alias).id(caseId).refresh(refresh));
            if (extra != null) {
                client.delete(b -> b.index(extra).id(caseId));
            }
            return null;
        });
    }

    @Override
    public SearchResult search(CaseQuery query) {
        ensureIndex();
        List<String> terms = SearchText.terms(query.text());
        Query built = buildQuery(query, terms);
        int size = Math.max(0, Math.min(query.size() <= 0 ? 20 : query.size(), 200));
        int from = Math.max(0, query.page()) * size;
        SearchResponse<ObjectNode> response = call("searching", () -> client.search(s -> {
            s.index(alias).query(built).from(from).size(size).trackTotalHits(t -> t.enabled(true));
            if (!terms.isEmpty()) {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            s.sort(o -> o.field(f -> f.field("report_date").order(SortOrder.Desc).unmappedType(FieldType.Date)));
            s.sort(o -> o.field(f -> f.field("case_id").order(SortOrder.Asc)));
            for (String facet : FACETS) {
                s.aggregations(facet, a -> a.terms(t -> t.field(facet).size(100)));
            }
            return s;
        }, ObjectNode.class));
        List<String> normalizedTerms = terms.stream().map(SearchText::normalize).toList();
        List<String> digitTerms = terms.stream().filter(SearchText::isPhoneLike).map(SearchText::digits).toList();
        List<CaseIndex.Hit> hits = new ArrayList<>();
        for (co.elastic.clients.elasticsearch.core.search.Hit<ObjectNode> hit : response.hits().hits()) {
            CaseDocument document = fromSource(hit.id(), hit.source());
            hits.add(new CaseIndex.Hit(hit.id(), document, highlights(document, normalizedTerms, digitTerms)));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Aggregate aggregate = response.aggregations().get(facet);
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.docCount());
                }
            }
            facets.put(facet, counts);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(total, hits, facets);
    }

    @Override
    public DailyCounts dailyByWard(LocalDate from, LocalDate to, CountDate countDate, List<String> wards,
                                   String disease) {
        checkRange(from, to);
        ensureIndex();
        String field = countDate.field();
        Query filter = statisticsFilter(field, from, to, wards, disease);
        SearchResponse<Void> response = call("counting cases per day", () -> client.search(s -> s.index(alias)
                .size(0).query(filter).aggregations("days", a -> daysByWard(a, field, from, to)), Void.class));
        return dailyCounts(response.aggregations().get("days"), from, to);
    }

    @Override
    public Map<String, DailyCounts> dailyByDiseaseAndWard(LocalDate from, LocalDate to, CountDate countDate,
                                                          List<String> wards) {
        checkRange(from, to);
        ensureIndex();
        String field = countDate.field();
        Query filter = statisticsFilter(field, from, to, wards, null);
        SearchResponse<Void> response = call("counting cases per day and disease", () -> client.search(s -> s
                .index(alias).size(0).query(filter)
                .aggregations("disease", d -> d.terms(t -> t.field("disease").size(500))
                        .aggregations("days", a -> daysByWard(a, field, from, to))), Void.class));
        Map<String, DailyCounts> out = new TreeMap<>();
        for (StringTermsBucket disease : response.aggregations().get("disease").sterms().buckets().array()) {
            out.put(disease.key().stringValue(), dailyCounts(disease.aggregations().get("days"), from, to));
        }
        return out;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A date range needs a start on or before its end: " + from + ".." + to);
        }
    }

    /** Every day of the range (empty ones too), each split by ward. */
    private static co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch._types.aggregations.Aggregation>
            daysByWard(co.elastic.clients.elasticsearch._types.aggregations.Aggregation.Builder a, String field,
                       LocalDate from, LocalDate to) {
        return a.dateHistogram(h -> h.field(field)
                        .calendarInterval(CalendarInterval.Day).minDocCount(0).format("yyyy-MM-dd")
                        .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.expr(from.toString())))
                                .max(FieldDateMath.of(m -> m.expr(to.toString())))))
                .aggregations("ward", w -> w.terms(t -> t.field("ward").size(200)));
    }

    private static DailyCounts dailyCounts(Aggregate byDay, LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        Map<String, long[]> counts = new TreeMap<>();
        for (DateHistogramBucket bucket : byDay.dateHistogram().buckets().array()) {
            int i = days.indexOf(LocalDate.parse(bucket.keyAsString()));
            if (i < 0) {
                continue;
            }
            for (StringTermsBucket ward : bucket.aggregations().get("ward").sterms().buckets().array()) {
                counts.computeIfAbsent(ward.key().stringValue(), k -> new long[days.size()])[i] = ward.docCount();
            }
        }
        Map<String, List<Long>> out = new LinkedHashMap<>();
        counts.forEach((ward, perDay) -> out.put(ward, java.util.Arrays.stream(perDay).boxed().toList()));
        return new DailyCounts(days, out);
    }

    @Override
    public PressTable pressTable(LocalDate day, CountDate countDate, List<String> wards, String disease) {
        ensureIndex();
        Query filter = statisticsFilter(countDate.field(), day, day, wards, disease);
        List<AggregationRange> bands = new ArrayList<>();
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            double lower = i * 10.0;
            boolean last = i == AGE_BANDS.size() - 1;
            String key = AGE_BANDS.get(i);
            bands.add(AggregationRange.of(r -> {
                r.key(key);
                if (lower > 0) {
                    r.from(lower);
                }
                if (!last) {
                    r.to(lower + 10);
                }
                return r;
            }));
        }
        SearchResponse<Void> response = call("counting cases of " + day, () -> client.search(s -> s.index(alias)
                .size(0).query(filter).trackTotalHits(t -> t.enabled(true))
                .aggregations("ward", a -> a.terms(t -> t.field("ward").size(200)))
                .aggregations("sex", a -> a.terms(t -> t.field("sex").size(20)))
                .aggregations("case_type", a -> a.terms(t -> t.field("case_type").size(50)))
                .aggregations("age", a -> a.range(r -> r.field("age").keyed(false).ranges(bands))), Void.class));
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        Map<String, Long> byAge = new LinkedHashMap<>();
        long aged = 0;
        for (RangeBucket bucket : response.aggregations().get("age").range().buckets().array()) {
            byAge.put(bucket.key(), bucket.docCount());
            aged += bucket.docCount();
        }
        if (total > aged) {
            byAge.put(AGE_UNKNOWN, total - aged);
        }
        return new PressTable(day, total, termCounts(response, "ward", true), byAge, termCounts(response, "sex", false),
                termCounts(response, "case_type", false));
    }

    private static Map<String, Long> termCounts(SearchResponse<Void> response, String name, boolean byName) {
        Map<String, Long> counts = byName ? new TreeMap<>() : new LinkedHashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get(name).sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    private static Query statisticsFilter(String field, LocalDate from, LocalDate to, List<String> wards,
                                          String disease) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lte(to.toString()))));
        if (blankToNull(disease) != null) {
            bool.filter(q -> q.term(t -> t.field("disease").value(disease)));
        }
        if (wards != null && !wards.isEmpty()) {
            List<FieldValue> values = wards.stream().map(FieldValue::of).toList();
            bool.filter(q -> q.terms(t -> t.field("ward").terms(v -> v.value(values))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * Fills a new versioned index with the documents, then moves the alias to it in one atomic step and deletes
     * the old index: searches keep answering from the old index until the swap.
     */
    @Override
    public synchronized void rebuild(Iterable<CaseDocument> documents) {
        ready = false;
        ensureIndex();
        String next = alias + "-v" + (latestVersion() + 1);
        call("rebuilding into " + next, () -> {
            // No refreshes while bulk loading; the template's interval comes back before the swap.
            client.indices().create(b -> b.index(next).settings(s -> s.refreshInterval(t -> t.time("-1"))));
            return null;
        });
        rebuildTarget = next;
        long count = 0;
        try {
            List<CaseDocument> batch = new ArrayList<>(1000);
            for (CaseDocument document : documents) {
                batch.add(document);
                if (batch.size() == 1000) {
                    count += bulk(next, batch);
                    batch.clear();
                }
            }
            count += bulk(next, batch);
            call("finishing " + next, () -> {
                client.indices().putSettings(b -> b.index(next).settings(s -> s.refreshInterval(t -> t.time("1s"))));
                client.indices().refresh(b -> b.index(next));
                Set<String> old = new TreeSet<>(client.indices().getAlias(b -> b.name(alias)).result().keySet());
                client.indices().updateAliases(b -> {
                    for (String index : old) {
                        b.actions(a -> a.remove(r -> r.index(index).alias(alias)));
                    }
                    return b.actions(a -> a.add(r -> r.index(next).alias(alias)));
                });
                for (String index : old) {
                    client.indices().delete(b -> b.index(index));
                }
                log.info("Search alias {} moved from {} to {}", alias, old, next);
                return null;
            });
        } catch (RuntimeException e) {
            // The alias still points at the old index; drop the half-built one.
            try {
                client.indices().delete(b -> b.index(next).ignoreUnavailable(true));
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            rebuildTarget = null;
        }
        log.info("Rebuilt search index {} with {} documents", next, count);
    }

    private int bulk(String index, List<CaseDocument> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (CaseDocument document : batch) {
            Map<String, Object> source = toSource(document);
            request.operations(op -> op.index(i -> i.index(index).id(document.caseId()).document(source)));
        }
        BulkResponse response = call("bulk indexing", () -> client.bulk(request.build()));
        if (response.errors()) {
            List<String> reasons = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && reasons.size() < 5) {
                    reasons.add(item.id() + ": " + item.error().reason());
                }
            }
            throw new IllegalStateException("Elasticsearch rejected documents while rebuilding " + index + ": "
                    + reasons);
        }
        return batch.size();
    }

    private int latestVersion() {
        return call("listing indices", () -> {
            int latest = 0;
            for (String name : client.indices().get(b -> b.index(alias + "-v*")).result().keySet()) {
                Matcher m = versioned.matcher(name);
                if (m.matches()) {
                    latest = Math.max(latest, Integer.parseInt(m.group(1)));
                }
            }
            return latest;
        });
    }

    private Query buildQuery(CaseQuery query, List<String> terms) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String term : terms) {
            String normalized = SearchText.normalize(term);
            BoolQuery.Builder anyField = new BoolQuery.Builder().minimumShouldMatch("1");
            for (String group : TEXT_GROUPS.keySet()) {
                anyField.should(q -> q.prefix(p -> p.field("substr." + group).value(normalized)
                        .boost(BOOSTS.get(group))));
            }
            if (KANA.matcher(normalized).matches()) {
                // A reading typed in kana also matches the kuromoji readings of kanji written without furigana.
                for (String field : READING_FIELDS) {
                    anyField.should(q -> q.match(m -> m.field(field + ".ja_reading").query(normalized)
                            .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)
                            .boost(BOOSTS.get("kana") / 2)));
                }
            }
            if (SearchText.isPhoneLike(term)) {
                String digits = SearchText.digits(term);
                anyField.should(q -> q.prefix(p -> p.field("substr.phone").value(digits).boost(BOOSTS.get("phone"))));
            }
            bool.must(q -> q.bool(anyField.build()));
        }
        if (query.wards() != null && !query.wards().isEmpty()) {
            List<FieldValue> wards = query.wards().stream().map(FieldValue::of).toList();
            bool.filter(q -> q.terms(t -> t.field("ward").terms(v -> v.value(wards))));
        }
        if (blankToNull(query.reportDateFrom()) != null || blankToNull(query.reportDateTo()) != null) {
            bool.filter(q -> q.range(r -> r.date(d -> {
                d.field("report_date");
                if (blankToNull(query.reportDateFrom()) != null) {
                    d.gte(query.reportDateFrom());
                }
                if (blankToNull(query.reportDateTo()) != null) {
                    d.lte(query.reportDateTo());
                }
                return d;
            })));
        }
        if (blankToNull(query.caseType()) != null) {
            bool.filter(q -> q.term(t -> t.field("case_type").value(query.caseType())));
        }
        if (blankToNull(query.sex()) != null) {
            bool.filter(q -> q.term(t -> t.field("sex").value(query.sex())));
        }
        if (blankToNull(query.disease()) != null) {
            bool.filter(q -> q.term(t -> t.field("disease").value(query.disease())));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static Map<String, Object> toSource(CaseDocument document) {
        Map<String, Object> source = new LinkedHashMap<>();
        if (document.fields() != null) {
            document.fields().forEach((key, value) -> {
                if (!META.contains(key)) {
                    source.put(key, value);
                }
            });
        }
        // Readings are stored as katakana whatever script they were written in (form rules: kana = katakana).
        if (source.get("patient_name_kana") instanceof String kana) {
            source.put("patient_name_kana", SearchText.katakana(kana));
        }
        source.put("case_id", document.caseId());
        source.put("fax_id", document.faxId());
        source.put("ward", document.ward());
        source.put("disease", document.disease());
        source.put("confirmed_at", document.confirmedAt());
        Map<String, Object> substr = new LinkedHashMap<>();
        TEXT_GROUPS.forEach((group, fields) -> {
            Set<String> suffixes = new java.util.LinkedHashSet<>();
            for (String field : fields) {
                if (source.get(field) instanceof String text) {
                    suffixes.addAll(SearchText.suffixes(SearchText.normalize(text)));
                }
            }
            substr.put(group, List.copyOf(suffixes));
        });
        Set<String> phones = new java.util.LinkedHashSet<>();
        for (String field : PHONE_FIELDS) {
            if (source.get(field) instanceof String phone) {
                phones.addAll(SearchText.suffixes(SearchText.digits(phone)));
            }
        }
        substr.put("phone", List.copyOf(phones));
        source.put("substr", substr);
        return source;
    }

    static CaseDocument fromSource(String id, ObjectNode source) {
        Map<String, Object> all = source == null ? Map.of()
                : JSON.convertValue(source, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> fields = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (!META.contains(key)) {
                fields.put(key, value);
            }
        });
        return new CaseDocument(id, (String) all.get("fax_id"), (String) all.get("ward"), (String) all.get("disease"),
                fields,
                (String) all.get("confirmed_at"));
    }

    private static Map<String, List<String>> highlights(CaseDocument document, List<String> normalizedTerms,
                                                        List<String> digitTerms) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (normalizedTerms.isEmpty()) {
            return out;
        }
        for (List<String> fields : TEXT_GROUPS.values()) {
            for (String field : fields) {
                if (document.fields().get(field) instanceof String value) {
                    String marked = SearchText.highlight(value, normalizedTerms);
                    if (marked != null) {
                        out.put(field, List.of(marked));
                    }
                }
            }
        }
        for (String field : PHONE_FIELDS) {
            if (document.fields().get(field) instanceof String value) {
                String marked = SearchText.highlightDigits(value, digitTerms);
                if (marked != null) {
                    out.put(field, List.of(marked));
                }
            }
        }
        return out;
    }

    /** The template body for this alias: the file's index pattern follows the configured alias. */
    private String templateBody() {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(templateJson);
            template.remove("_comment");
            ArrayNode patterns = template.putArray("index_patterns");
            patterns.add(alias + "-v*");
            return JSON.writeValueAsString(template);
        } catch (IOException e) {
            throw new IllegalStateException("Index template is not valid JSON: " + e, e);
        }
    }

    static String loadTemplate() {
        try (InputStream in = ElasticsearchCaseIndex.class.getClassLoader().getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Index template " + TEMPLATE_RESOURCE + " missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface EsCall<T> {
        T run() throws IOException;
    }

    /** Cluster unreachable or overloaded: {@link SearchUnavailableException}; a rejected request is a bug. */
    private <T> T call(String what, EsCall<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if (e.status() >= 500 || e.status() == 429 || "index_not_found_exception".equals(e.error().type())) {
                ready = false;
                throw new SearchUnavailableException("Elasticsearch failed while " + what + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException("Elasticsearch rejected the request while " + what + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            ready = false;
            throw new SearchUnavailableException("Elasticsearch unreachable while " + what + ": " + e, e);
        } catch (IllegalStateException e) {
            // The low-level client reports a closed I/O reactor this way.
            if (String.valueOf(e.getMessage()).contains("I/O reactor")) {
                throw new SearchUnavailableException("Elasticsearch client closed while " + what + ": " + e, e);
            }
            throw e;
        }
    }
}
