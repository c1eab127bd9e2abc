package io.todoke.store.cases;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ward a case is counted under, from the patient's address: one of Kobe's nine wards inside the city,
 * the municipality (市区町村) outside it. Pure; null when the address says nothing usable, so that a case whose
 * ward cannot be told goes to a clerk instead of being counted under a wrong ward.
 */
public final class Wards {

    public static final String KOBE = "神戸市";

    /** Longest first: 東灘区 must win over 灘区. */
    public static final List<String> KOBE_WARDS = List.of("東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区",
            "須磨区", "垂水区", "西区");

    /** Every dash a postal code is written with (after NFKC, which already folds the full-width one). */
    private static final String DASH = "[-‐‒–—―−ー─━]";
    /**
     * A postal code, wherever it stands: with its mark (〒, 〶, 郵便番号) the dash is optional; without it only the
     * dashed 3-4 form, which no block number takes. Brackets around it go with it.
     */
    private static final Pattern POSTAL_CODE = Pattern.compile(
            "[\\[(「『【<]?(?:(?:[〒〶]|郵便番号)[:]?\\d{3}" + DASH + "?\\d{4}|(?<!\\d)\\d{3}" + DASH + "\\d{4}(?!\\d))"
                    + "[\\])」』】>]?");
    /** Seven bare digits are a postal code only at the very start; a lone 〒 left over is noise. */
    private static final Pattern LEADING_CODE = Pattern.compile("^(?:\\d{7}(?!\\d)|[〒〶]|郵便番号[:]?)+");
    private static final String NAME = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ヶヵ]";
    private static final Pattern PREFECTURE = Pattern.compile("^(東京都|北海道|(?:京都|大阪)府|" + NAME + "{2,3}?県)");
    private static final Pattern MUNICIPALITY = Pattern.compile(
            "^(?:" + NAME + "{1,6}?郡)?(" + NAME + "+?[市区町村])");

    private Wards() {
    }

    public static String fromAddress(String address) {
        if (address == null) {
            return null;
        }
        String a = withoutPostalCode(Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", ""));
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

    /** The address without its postal code (〒650-0010, 650-0010, 〒6500010), normalised and without spaces. */
    static String withoutPostalCode(String normalised) {
        String a = POSTAL_CODE.matcher(normalised).replaceAll("");
        return LEADING_CODE.matcher(a).replaceFirst("");
    }
}
