package io.todoke.store.cases;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ward a case is counted under, from the patient's address: one of Kobe's nine wards inside the city,
 * the municipality (市区町村) outside it. Pure; null when the address says nothing usable.
 */
public final class Wards {

    public static final String KOBE = "神戸市";

    /** Longest first: 東灘区 must win over 灘区. */
    public static final List<String> KOBE_WARDS = List.of("東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区",
            "須磨区", "垂水区", "西区");

    private static final Pattern PREFECTURE = Pattern.compile("^(東京都|北海道|(?:京都|大阪)府|.{2,3}?県)");
    private static final Pattern MUNICIPALITY = Pattern.compile("^(?:[^市区町村]{1,6}?郡)?(.+?[市区町村])");

    private Wards() {
    }

    public static String fromAddress(String address) {
        if (address == null) {
            return null;
        }
        String a = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Matcher pref = PREFECTURE.matcher(a);
        if (pref.find()) {
            a = a.substring(pref.end());
        }
        if (a.startsWith(KOBE)) {
            String rest = a.substring(KOBE.length());
            return KOBE_WARDS.stream()
                    .filter(rest::startsWith)
                    .findFirst()
                    .orElse(KOBE);
        }
        Matcher m = MUNICIPALITY.matcher(a);
        if (!m.find()) {
            return null;
        }
        String municipality = m.group(1);
        // A name with 市 inside it (四日市市, 廿日市市) ends at the second 市.
        int end = m.end(1);
        if (municipality.endsWith("市") && end < a.length() && a.charAt(end) == '市') {
            municipality = municipality + "市";
        }
        return municipality;
    }
}
