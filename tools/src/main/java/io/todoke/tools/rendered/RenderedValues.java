package io.todoke.tools.rendered;

import io.todoke.tools.samples.DiseaseValues;
import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import io.todoke.tools.rendered.WordLists.Name;
import io.todoke.tools.rendered.WordLists.Town;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values a doctor writes on the form, for the rendered path: names, towns and clinics of one {@link Role} only, dates
 * in the styles of the forms README, ages that follow from the birth date. Its own lists and habits, so that path B
 * shares no word with the Java2D generator's {@code SampleData}.
 */
public final class RenderedValues {

    private static final String[] SPECIALTIES = {"内科", "小児科", "耳鼻咽喉科", "呼吸器内科", "内科・小児科",
        "整形外科", "皮ふ科", "消化器内科", "ファミリー"};
    private static final String[] KINDS = {"クリニック", "医院", "診療所", "クリニック", "病院"};
    private static final String[] ROUTES = {"同居家族からの感染", "職場の同僚と会食", "不明（調査中）",
        "高齢者施設での接触", "部活動の合宿", "カラオケ店の利用", "県外への旅行", "家族（子）の学校で陽性者"};
    private static final String[] REMARKS = {"既往歴：喘息", "基礎疾患なし", "ワクチン3回接種", "酸素飽和度 95%",
        "透析中", "妊娠28週", "宿泊療養を希望", "家族4人同居", "BMI 31"};
    private static final String[] JOBS = {"事務職", "調理師", "看護助手", "配送業", "理容師", "大学教員", "農業",
        "清掃業", "美容師", "薬剤師", "警備員", "塾講師"};

    private final FormLayout layout;
    private final WordLists words;

    public RenderedValues(FormLayout layout, WordLists words) {
        this.layout = layout;
        this.words = words;
    }

    /** One filled form; the same rnd state gives the same form. */
    public FilledForm fill(Random rnd, boolean handwriting) {
        Map<String, String> w = new HashMap<>();
        Map<String, List<String>> m = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        WrittenDate style = WrittenDate.values()[rnd.nextInt(WrittenDate.values().length)];

        boolean covid = layout.diseaseCode().equals("covid19");
        LocalDate report = covid ? LocalDate.of(2020, 3, 1).plusDays(rnd.nextInt(1160))
                : LocalDate.of(2023, 6, 1).plusDays(rnd.nextInt(1250));
        LocalDate diagnosis = report.minusDays(rnd.nextInt(3));
        LocalDate firstVisit = diagnosis.minusDays(rnd.nextInt(4));
        String caseType = covid ? pick(rnd, "confirmed", "confirmed", "confirmed", "confirmed", "asymptomatic", "suspected",
                "deceased") : DiseaseValues.caseType(rnd, layout);
        boolean symptomatic = !caseType.equals("asymptomatic");
        LocalDate onset = symptomatic ? firstVisit.minusDays(rnd.nextInt(5)) : null;
        LocalDate infection = rnd.nextInt(4) == 0 ? (onset != null ? onset : firstVisit).minusDays(1 + rnd.nextInt(7)) : null;
        LocalDate death = caseType.equals("deceased") ? diagnosis : null;
        int years = caseType.equals("deceased") ? 70 + rnd.nextInt(25) : rnd.nextInt(95);
        LocalDate birth = diagnosis.minusYears(years).minusDays(rnd.nextInt(366));
        int age = Period.between(birth, diagnosis).getYears();
        dates.put("report_date", report);
        dates.put("diagnosis_date", diagnosis);
        dates.put("first_visit_date", firstVisit);
        dates.put("onset_date", onset);
        dates.put("infection_date", infection);
        dates.put("death_date", death);
        dates.put("birth_date", birth);
        dates.forEach((k, d) -> {
            if (d != null) {
                w.put(k, style.write(d));
            }
        });

        String gap = handwriting ? " " : "\u3000";
        Name doctor = pick(rnd, words.surnames());
        w.put("physician_name", doctor.kanji() + gap + pick(rnd, words.givenNames()).kanji());
        Town clinicTown = pick(rnd, words.kobeTowns());
        w.put("facility_name", clinic(rnd, clinicTown, doctor));
        w.put("facility_address", address(rnd, clinicTown, false));
        w.put("facility_phone", phone(rnd, "078", handwriting));
        m.put("case_type", List.of(caseType));

        boolean male = rnd.nextBoolean();
        Name surname = pick(rnd, words.surnames());
        Name given = pick(rnd, words.givenNames());
        w.put("patient_name", surname.kanji() + gap + given.kanji());
        w.put("patient_name_kana", surname.kana() + (rnd.nextBoolean() ? " " : "\u3000") + given.kana());
        m.put("sex", List.of(male ? "male" : "female"));
        if (rnd.nextInt(8) > 0) {
            w.put("age", String.valueOf(age));
        }
        w.put("occupation", age < 7 ? "未就学児" : age < 19 ? "学生" : age > 70 ? "無職" : pick(rnd, JOBS));
        boolean kobe = rnd.nextInt(4) > 0 || words.otherTowns().isEmpty();
        Town home = kobe ? pick(rnd, words.kobeTowns()) : pick(rnd, words.otherTowns());
        w.put("patient_address", address(rnd, home, rnd.nextInt(3) == 0));
        if (rnd.nextInt(4) > 0) {
            w.put("patient_phone", rnd.nextBoolean() ? mobile(rnd) : phone(rnd, home.prefecture().equals("大阪府") ? "06" : "078", handwriting));
        }
        if (age < 18) {
            w.put("guardian_name", surname.kanji() + gap + pick(rnd, words.givenNames()).kanji());
            w.put("guardian_address", w.get("patient_address"));
        }
        m.put("symptoms", symptomatic ? symptoms(rnd) : List.of("none"));
        m.put("diagnosis_methods", List.of(pick(rnd, "pcr", "pcr", "antigen_qualitative", "antigen_quantitative")));
        if (rnd.nextInt(3) > 0) {
            w.put("infection_route", covid ? pick(rnd, ROUTES) : DiseaseValues.route(rnd, layout));
        }
        if (rnd.nextInt(3) == 0) {
            w.put("infection_region", home.prefecture() + home.city());
        }
        if (rnd.nextBoolean()) {
            w.put("remarks", pick(rnd, REMARKS));
        }
        Map<String, Integer> numbers = new HashMap<>();
        numbers.put("age", age);
        DiseaseValues.fillOwnFields(layout, rnd, style::write, w, m, dates, numbers, onset != null ? onset : firstVisit);
        return new FilledForm(inLayoutOrder(w), inLayoutOrder(m), truth(w, m, dates, numbers));
    }

    private <T> Map<String, T> inLayoutOrder(Map<String, T> values) {
        Map<String, T> out = new LinkedHashMap<>();
        layout.fields().forEach(f -> {
            if (values.containsKey(f.key())) {
                out.put(f.key(), values.get(f.key()));
            }
        });
        return out;
    }

    private Map<String, Object> truth(Map<String, String> w, Map<String, List<String>> m, Map<String, LocalDate> dates,
                                      Map<String, Integer> numbers) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (FormLayout.Field f : layout.fields()) {
            String text = w.get(f.key());
            List<String> marked = m.get(f.key());
            Object v = switch (f.type()) {
                case "choice" -> marked == null || marked.isEmpty() ? null : marked.get(0);
                case "multi_choice" -> marked == null ? List.of() : marked.stream().sorted().toList();
                case "date" -> text == null ? null : dates.get(f.key()).toString();
                case "integer" -> text == null ? null : numbers.get(f.key());
                case "phone" -> text == null ? null : nfkc(text).replaceAll("^(\\d+)\\((\\d+)\\)(\\d+)$", "$1-$2-$3");
                default -> text == null ? null : nfkc(text);
            };
            t.put(f.key(), v);
        }
        return t;
    }

    private static String clinic(Random rnd, Town town, Name doctor) {
        String place = town.town().replaceAll("(町|通)?[０-９0-9一二三四五六七八九十]*丁目?$", "");
        if (place.length() > 5) {
            place = place.substring(0, 4);
        }
        String head = rnd.nextInt(3) == 0 ? doctor.kanji() : place + (rnd.nextInt(4) == 0 ? "駅前" : "");
        String name = head + SPECIALTIES[rnd.nextInt(SPECIALTIES.length)] + KINDS[rnd.nextInt(KINDS.length)];
        return rnd.nextInt(5) == 0 ? "医療法人 " + name : name;
    }

    private static String address(Random rnd, Town t, boolean building) {
        String city = t.prefecture().equals("兵庫県") && t.city().startsWith("神戸市") && rnd.nextBoolean()
                ? t.city() : t.prefecture() + t.city();
        String block = switch (rnd.nextInt(3)) {
            case 0 -> (1 + rnd.nextInt(6)) + "丁目" + (1 + rnd.nextInt(40)) + "-" + (1 + rnd.nextInt(30));
            case 1 -> (1 + rnd.nextInt(6)) + "-" + (1 + rnd.nextInt(40)) + "-" + (1 + rnd.nextInt(30));
            default -> (1 + rnd.nextInt(999)) + "番地の" + (1 + rnd.nextInt(9));
        };
        String s = city + t.town() + block;
        return building ? s + " 第" + (1 + rnd.nextInt(3)) + "コーポ" + (1 + rnd.nextInt(5)) + "0" + (1 + rnd.nextInt(8)) + "号" : s;
    }

    private static String phone(Random rnd, String area, boolean handwriting) {
        int localLen = 10 - area.length() - 4;
        String local = (char) ('2' + rnd.nextInt(8)) + digits(rnd, localLen - 1);
        String line = digits(rnd, 4);
        return handwriting && rnd.nextInt(4) == 0 ? area + "(" + local + ")" + line : area + "-" + local + "-" + line;
    }

    private static String mobile(Random rnd) {
        return "0" + (7 + rnd.nextInt(3)) + "0-" + digits(rnd, 4) + "-" + digits(rnd, 4);
    }

    private static List<String> symptoms(Random rnd) {
        List<String> all = List.of("fever", "cough", "dyspnea", "pneumonia", "fatigue", "sore_throat", "anosmia",
                "ageusia");
        List<String> out = new ArrayList<>(List.of("fever"));
        for (String s : all) {
            if (!out.contains(s) && rnd.nextInt(4) == 0) {
                out.add(s);
            }
        }
        return out;
    }

    static String digits(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... values) {
        return values[rnd.nextInt(values.length)];
    }

    private static <T> T pick(Random rnd, List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }
}
