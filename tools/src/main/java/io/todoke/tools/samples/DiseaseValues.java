package io.todoke.tools.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What a doctor writes in the fields a disease's form has of its own (病型, 検体, 予防接種歴 …), and the marks of the
 * shared choice fields (類型, 症状, 診断方法) drawn from the options that form prints.
 */
public final class DiseaseValues {

    private static final Map<String, List<String>> ROUTES = Map.of(
            "tuberculosis", List.of("家族内での接触（同居の祖父）", "職場の同僚が結核で治療中", "不明", "既感染の再燃（推定）", "高齢者施設内での接触"),
            "syphilis", List.of("性的接触（異性間）", "性的接触（同性間）", "不明", "パートナーからの感染（推定）"),
            "measles", List.of("海外渡航中の接触（推定）", "同じ保育園の園児", "家族内感染", "不明", "医療機関の待合室での接触"),
            "pertussis", List.of("家族内感染（兄弟）", "学校内での接触", "不明", "同居の祖母が長引く咳"),
            "ehec", List.of("焼肉店での飲食（生レバー）", "家族内感染", "保育園内での接触", "不明", "井戸水の飲用"));

    private DiseaseValues() {
    }

    /** Mostly confirmed cases, a few of each other kind the form prints. */
    public static String caseType(Random rnd, FormLayout layout) {
        List<String> printed = optionValues(layout, "case_type");
        String[] kinds = {"confirmed", "asymptomatic", "suspected", "deceased", "suspected_deceased"};
        int[] weights = {70, 14, 8, 5, 3};
        int total = 0;
        for (int i = 0; i < kinds.length; i++) {
            total += printed.contains(kinds[i]) ? weights[i] : 0;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < kinds.length; i++) {
            if (printed.contains(kinds[i])) {
                r -= weights[i];
                if (r < 0) {
                    return kinds[i];
                }
            }
        }
        return printed.get(0);
    }

    public static String route(Random rnd, FormLayout layout) {
        return SampleData.pick(rnd, ROUTES.getOrDefault(layout.diseaseCode(), List.of("不明")));
    }

    /**
     * Fills what the shared filler left empty: marks only from the options the form prints, an own date between
     * onset and diagnosis ({@code onset}), a count of doses; {@code dates} and {@code numbers} get the truth.
     */
    public static void fillOwnFields(FormLayout layout, Random rnd, Function<LocalDate, String> style, Map<String, String> written,
                              Map<String, List<String>> marked, Map<String, LocalDate> dates, Map<String, Integer> numbers,
                              LocalDate onset) {
        for (FormLayout.Field f : layout.fields()) {
            List<String> printed = f.options().stream().map(FormLayout.Option::value).toList();
            switch (f.type()) {
                case "choice", "multi_choice" -> {
                    List<String> shared = marked.get(f.key());
                    if (shared != null && printed.containsAll(shared)) {
                        continue;   // the shared filler's marks are all on this form
                    }
                    List<String> chosen = new ArrayList<>(shared == null ? List.of() : shared);
                    chosen.retainAll(printed);
                    if (chosen.isEmpty() && (f.required() || rnd.nextInt(5) > 0)) {
                        chosen = f.type().equals("choice") ? List.of(printed.get(rnd.nextInt(printed.size())))
                                : some(rnd, printed);
                    }
                    marked.put(f.key(), List.copyOf(chosen));
                }
                case "date" -> {
                    if (!written.containsKey(f.key()) && !isShared(f.key()) && rnd.nextInt(5) > 0) {
                        LocalDate d = onset.plusDays(rnd.nextInt(3));
                        dates.put(f.key(), d);
                        written.put(f.key(), style.apply(d));
                    }
                }
                case "integer" -> {
                    if (!written.containsKey(f.key()) && !f.key().equals("age") && rnd.nextInt(4) > 0) {
                        int n = 1 + rnd.nextInt(4);
                        numbers.put(f.key(), n);
                        written.put(f.key(), String.valueOf(n));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** One to three options; なし (none) only alone. */
    private static List<String> some(Random rnd, List<String> printed) {
        List<String> pool = new ArrayList<>(printed);
        pool.remove("none");
        List<String> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(rnd.nextInt(pool.size())));
        }
        return out;
    }

    private static boolean isShared(String key) {
        return List.of("report_date", "birth_date", "first_visit_date", "diagnosis_date", "infection_date", "onset_date",
                "death_date").contains(key);
    }

    private static List<String> optionValues(FormLayout layout, String key) {
        return layout.fields().stream().filter(f -> f.key().equals(key)).findFirst()
                .map(f -> f.options().stream().map(FormLayout.Option::value).toList()).orElse(List.of("confirmed"));
    }
}
