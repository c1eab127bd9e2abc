package io.todoke.tools.samples;

import io.todoke.tools.samples.SampleData.Named;
import io.todoke.tools.samples.SampleData.Town;

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
 * Invents a plausible filled notification form: a patient, a clinic, dates that obey the cross-field rules (infection
 * ≤ onset ≤ first visit ≤ diagnosis ≤ report; age at diagnosis from the birth date; a death date only for a deceased
 * case type), and writes each value the way doctors do.
 */
public final class FormFiller {

    private final FormLayout layout;

    public FormFiller(FormLayout layout) {
        this.layout = layout;
    }

    /**
     * @param rnd       the only source of randomness, so a seed gives the same form
     * @param dateStyle how dates are written on this form
     * @param casual    handwriting habits: hiragana readings, 歳 after the age, 同上 for the guardian's address
     */
    public FilledForm fill(Random rnd, DateStyle dateStyle, boolean casual) {
        Map<String, String> w = new HashMap<>();
        Map<String, List<String>> m = new HashMap<>();

        // The notification period: the COVID-19 form was in use from spring 2020 to May 2023, the others are today's.
        boolean covid = layout.diseaseCode().equals("covid19");
        LocalDate report = covid ? LocalDate.of(2020, 4, 1).plusDays(rnd.nextInt(1150))
                : LocalDate.of(2023, 6, 1).plusDays(rnd.nextInt(1250));
        LocalDate diagnosis = report.minusDays(weighted(rnd, 0, 0, 0, 1, 1, 2));
        LocalDate firstVisit = diagnosis.minusDays(weighted(rnd, 0, 0, 0, 1, 2, 3));

        String caseType = DiseaseValues.caseType(rnd, layout);
        boolean deceased = caseType.endsWith("deceased");
        boolean symptomatic = !caseType.equals("asymptomatic");
        LocalDate onset = symptomatic ? firstVisit.minusDays(rnd.nextInt(6)) : null;
        LocalDate infection = rnd.nextInt(3) == 0
                ? (onset != null ? onset : firstVisit).minusDays(2 + rnd.nextInt(6)) : null;
        LocalDate death = deceased ? diagnosis.minusDays(rnd.nextInt(1 + (int) (diagnosis.toEpochDay() - firstVisit.toEpochDay()))) : null;

        int ageYears = deceased ? 60 + rnd.nextInt(38) : weighted(rnd, 3, 8, 15, 22, 28, 35, 41, 47, 52, 58, 66, 73, 81, 88);
        LocalDate birth = diagnosis.minusYears(ageYears).minusDays(rnd.nextInt(365));
        if (rnd.nextInt(15) == 0) {
            // Born in a first year (平成元年, 令和元年): the 元年 a reader must understand.
            LocalDate start = rnd.nextBoolean() || diagnosis.isBefore(LocalDate.of(2019, 12, 31))
                    ? LocalDate.of(1989, 1, 8) : LocalDate.of(2019, 5, 1);
            birth = start.plusDays(rnd.nextInt(start.getYear() == 1989 ? 350 : 240));
        }
        int age = Period.between(birth, diagnosis).getYears();

        boolean male = rnd.nextBoolean();
        Named surname = SampleData.pick(rnd, SampleData.SURNAMES);
        Named given = SampleData.pick(rnd, male ? SampleData.MALE_NAMES : SampleData.FEMALE_NAMES);
        Named doctorSurname = SampleData.pick(rnd, SampleData.SURNAMES);
        Named doctorGiven = SampleData.pick(rnd, rnd.nextInt(3) == 0 ? SampleData.FEMALE_NAMES : SampleData.MALE_NAMES);

        String space = rnd.nextBoolean() ? "\u3000" : " ";
        w.put("report_date", dateStyle.write(report));
        w.put("physician_name", doctorSurname.kanji() + space + doctorGiven.kanji());
        String facility = SampleData.pick(rnd, SampleData.FACILITY_NAMES);
        w.put("facility_name", facility);
        Town facilityTown = SampleData.pick(rnd, SampleData.KOBE_TOWNS);
        w.put("facility_address", kobeAddress(rnd, facilityTown, false, casual));
        w.put("facility_phone", writePhone(rnd, phone(rnd, "078", false), casual));
        m.put("case_type", List.of(caseType));

        String reading = surname.kana() + space + given.kana();
        w.put("patient_name_kana", casual && rnd.nextInt(3) == 0 ? toHiragana(reading) : reading);
        w.put("patient_name", surname.kanji() + space + given.kanji());
        m.put("sex", List.of(male ? "male" : "female"));
        w.put("birth_date", dateStyle.write(birth));
        if (rnd.nextInt(10) > 0) {
            String digits = String.valueOf(age);
            if (dateStyle == DateStyle.WAREKI_FULL_WIDTH) {
                digits = DateStyle.toFullWidthDigits(digits);
            }
            w.put("age", casual && rnd.nextBoolean() ? digits + "歳" : digits);
        }
        w.put("occupation", occupation(rnd, age));

        boolean outside = rnd.nextInt(6) == 0;
        String patientPrefix;
        if (outside) {
            String[] place = SampleData.pick(rnd, SampleData.OUTSIDE);
            w.put("patient_address", place[0] + block(rnd, true, casual));
            patientPrefix = place[1];
        } else {
            w.put("patient_address", kobeAddress(rnd, SampleData.pick(rnd, SampleData.KOBE_TOWNS), rnd.nextBoolean(), casual));
            patientPrefix = "078";
        }
        if (rnd.nextInt(5) > 0) {
            w.put("patient_phone", writePhone(rnd,
                    rnd.nextBoolean() ? phone(rnd, patientPrefix, false) : phone(rnd, null, true), casual));
        }
        if (age < 18) {
            Named parent = SampleData.pick(rnd, rnd.nextBoolean() ? SampleData.MALE_NAMES : SampleData.FEMALE_NAMES);
            w.put("guardian_name", surname.kanji() + space + parent.kanji());
            w.put("guardian_address", casual && rnd.nextBoolean() ? "同上" : w.get("patient_address"));
        }

        m.put("symptoms", symptoms(rnd, symptomatic));
        m.put("diagnosis_methods", diagnosisMethods(rnd));

        w.put("first_visit_date", dateStyle.write(firstVisit));
        w.put("diagnosis_date", dateStyle.write(diagnosis));
        putDate(w, "infection_date", infection, dateStyle);
        putDate(w, "onset_date", onset, dateStyle);
        putDate(w, "death_date", death, dateStyle);
        if (rnd.nextInt(4) > 0) {
            w.put("infection_route", covid ? SampleData.pick(rnd, SampleData.ROUTES) : DiseaseValues.route(rnd, layout));
        }
        Map<String, LocalDate> ownDates = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        numbers.put("age", age);
        DiseaseValues.fillOwnFields(layout, rnd, dateStyle::write, w, m, ownDates, numbers, onset != null ? onset : firstVisit);
        if (rnd.nextInt(3) > 0) {
            w.put("infection_region", SampleData.pick(rnd, SampleData.REGIONS));
        }
        if (rnd.nextInt(2) > 0) {
            w.put("remarks", SampleData.pick(rnd, SampleData.REMARKS));
        }

        Map<String, Object> truth = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        dates.put("report_date", report);
        dates.put("birth_date", birth);
        dates.put("first_visit_date", firstVisit);
        dates.put("diagnosis_date", diagnosis);
        dates.put("infection_date", infection);
        dates.put("onset_date", onset);
        dates.put("death_date", death);
        dates.putAll(ownDates);
        Map<String, String> written = new LinkedHashMap<>();
        Map<String, List<String>> marked = new LinkedHashMap<>();
        for (FormLayout.Field f : layout.fields()) {
            String text = w.get(f.key());
            if (text != null) {
                written.put(f.key(), text);
            }
            List<String> options = m.get(f.key());
            if (options != null) {
                marked.put(f.key(), options);
            }
            truth.put(f.key(), expected(f, text, options, dates.get(f.key()), numbers.getOrDefault(f.key(), age)));
        }
        return new FilledForm(written, marked, truth);
    }

    /** The normalised output for what was written (text) or marked (options) in the field. */
    private static Object expected(FormLayout.Field f, String text, List<String> options, LocalDate date, int age) {
        switch (f.type()) {
            case "choice":
                return options == null || options.isEmpty() ? null : options.get(0);
            case "multi_choice":
                return options == null ? List.of() : options.stream().sorted().toList();
            default:
                break;
        }
        if (text == null) {
            return null;
        }
        return switch (f.type()) {
            case "date" -> date.toString();
            case "integer" -> age;
            case "phone" -> Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("^(\\d+)\\((\\d+)\\)(\\d+)$", "$1-$2-$3");
            case "kana" -> toKatakana(Normalizer.normalize(text, Normalizer.Form.NFKC));
            default -> Normalizer.normalize(text, Normalizer.Form.NFKC);
        };
    }

    private static void putDate(Map<String, String> w, String key, LocalDate date, DateStyle style) {
        if (date != null) {
            w.put(key, style.write(date));
        }
    }

    private static String kobeAddress(Random rnd, Town town, boolean building, boolean casual) {
        String prefix = switch (rnd.nextInt(3)) {
            case 0 -> "兵庫県神戸市";
            default -> "神戸市";
        };
        String s = prefix + town.ward() + town.name() + (town.chome() ? block(rnd, true, casual) : bareBlock(rnd));
        if (building) {
            s += " " + SampleData.pick(rnd, SampleData.BUILDINGS) + (1 + rnd.nextInt(9)) + "0" + (1 + rnd.nextInt(9));
        }
        return fullWidthSometimes(rnd, s);
    }

    private static String block(Random rnd, boolean chome, boolean casual) {
        int c = 1 + rnd.nextInt(8);
        int ban = 1 + rnd.nextInt(30);
        int go = 1 + rnd.nextInt(25);
        return casual && rnd.nextBoolean() ? c + "-" + ban + "-" + go : c + "丁目" + ban + "番" + go + "号";
    }

    private static String bareBlock(Random rnd) {
        return (1 + rnd.nextInt(3000)) + (rnd.nextBoolean() ? "番地" : "-" + (1 + rnd.nextInt(20)));
    }

    private static String fullWidthSometimes(Random rnd, String s) {
        return rnd.nextInt(3) == 0 ? DateStyle.toFullWidthDigits(s) : s;
    }

    /** Area code + local number, hyphenated as the output must be (written as such; the fax is what varies). */
    private static String phone(Random rnd, String area, boolean mobile) {
        if (mobile) {
            return "0" + (7 + rnd.nextInt(3)) + "0-" + digits(rnd, 4) + "-" + digits(rnd, 4);
        }
        int local = 10 - area.length() - 4;
        return area + "-" + (char) ('2' + rnd.nextInt(8)) + digits(rnd, local - 1) + "-" + digits(rnd, 4);
    }

    /** A number as written: mostly hyphenated, sometimes 078(123)4567 by hand or in full-width digits when typed. */
    private static String writePhone(Random rnd, String hyphenated, boolean casual) {
        int r = rnd.nextInt(6);
        if (casual && r == 0) {
            String[] p = hyphenated.split("-");
            return p[0] + "(" + p[1] + ")" + p[2];
        }
        return !casual && r == 0 ? DateStyle.toFullWidthDigits(hyphenated) : hyphenated;
    }

    private static String digits(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    private static String occupation(Random rnd, int age) {
        if (age < 3) {
            return "なし";
        }
        if (age < 6) {
            return "保育園児";
        }
        if (age < 12) {
            return "小学生";
        }
        if (age < 15) {
            return "中学生";
        }
        if (age < 18) {
            return "高校生";
        }
        if (age < 23 && rnd.nextBoolean()) {
            return "大学生";
        }
        if (age >= 68) {
            return rnd.nextBoolean() ? "無職" : "年金生活者";
        }
        return SampleData.pick(rnd, SampleData.WORKERS);
    }

    private static List<String> symptoms(Random rnd, boolean symptomatic) {
        if (!symptomatic) {
            return rnd.nextBoolean() ? List.of("none") : List.of();
        }
        String[] all = {"fever", "cough", "dyspnea", "pneumonia", "fatigue", "sore_throat", "anosmia", "ageusia", "other"};
        List<String> chosen = new ArrayList<>();
        chosen.add(rnd.nextInt(5) > 0 ? "fever" : "cough");
        int extra = rnd.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String s = all[rnd.nextInt(all.length)];
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return List.copyOf(chosen);
    }

    private static List<String> diagnosisMethods(Random rnd) {
        return switch (weighted(rnd, 0, 0, 0, 0, 1, 1, 2, 3, 4)) {
            case 0 -> List.of("pcr");
            case 1 -> List.of("antigen_qualitative");
            case 2 -> List.of("antigen_quantitative");
            case 3 -> List.of("pcr", "antigen_qualitative");
            default -> List.of(rnd.nextBoolean() ? "isolation" : "other");
        };
    }

    public static String toKatakana(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
        }
        return b.toString();
    }

    static String toHiragana(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
        }
        return b.toString();
    }

    private static int weighted(Random rnd, int... values) {
        return values[rnd.nextInt(values.length)];
    }
}
