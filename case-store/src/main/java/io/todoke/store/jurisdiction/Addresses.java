package io.todoke.store.jurisdiction;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Japanese address is read for its place, whatever the city: normalised (NFKC, no spaces), without its
 * postal code, split after the prefecture, and the municipality (市区町村) it starts with. Pure.
 */
final class Addresses {

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

    private Addresses() {
    }

    /** The address normalised, without spaces and without its postal code (〒650-0010, 650-0010, 〒6500010). */
    static String normalised(String address) {
        String a = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        a = POSTAL_CODE.matcher(a).replaceAll("");
        return LEADING_CODE.matcher(a).replaceFirst("");
    }

    /** The postal code an address carries (〒650-0011, 650-0011, 〒6500011, 6500011 at its start) as 7 digits, or null. */
    static String postalCode(String address) {
        String a = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Matcher code = POSTAL_CODE.matcher(a);
        if (code.find()) {
            return code.group().replaceAll("\\D", "");
        }
        Matcher leading = LEADING_CODE.matcher(a);
        if (leading.find()) {
            String digits = leading.group().replaceAll("\\D", "");
            return digits.length() == 7 ? digits : null;
        }
        return null;
    }

    /** The prefecture a normalised address starts with, or the empty string. */
    static String prefecture(String normalised) {
        Matcher pref = PREFECTURE.matcher(normalised);
        return pref.find() ? pref.group(1) : "";
    }

    /** Is this name a prefecture (都道府県) rather than a city? */
    static boolean isPrefecture(String name) {
        return PREFECTURE.matcher(name).matches();
    }

    /** The municipality an address (after its prefecture) starts with, or null. */
    static String municipality(String rest) {
        Matcher m = MUNICIPALITY.matcher(rest);
        if (!m.find()) {
            return null;
        }
        String municipality = m.group(1);
        // A name with 市 inside it (四日市市, 廿日市市) ends at the second 市.
        int end = m.end(1);
        if (municipality.endsWith("市") && end < rest.length() && rest.charAt(end) == '市') {
            municipality = municipality + "市";
        }
        return municipality;
    }
}
