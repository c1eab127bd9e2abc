package io.todoke.store.review;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ward health center responsible for an address: one of the city's nine wards, or for an address
 * outside the city its municipality.
 */
public final class WardResolver {

    // Longest names first: 灘区 is inside 東灘区.
    private static final List<String> WARDS = List.of("東灘区", "中央区", "兵庫区", "長田区", "須磨区", "垂水区", "灘区", "北区", "西区");
    private static final String CITY = "神戸市";
    private static final Pattern MUNICIPALITY = Pattern.compile("^(?:.{2,3}?[都道府県])?(.+?郡.+?[町村]|.+?市.+?区|.+?[市町村])");

    private WardResolver() {
    }

    /** @return the ward (e.g. 中央区), the municipality outside the city (e.g. 明石市), or null if unknown */
    public static String wardOf(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s", "");
        int city = a.indexOf(CITY);
        if (city >= 0) {
            String rest = a.substring(city + CITY.length());
            for (String ward : WARDS) {
                if (rest.startsWith(ward)) {
                    return ward;
                }
            }
            return CITY;
        }
        Matcher m = MUNICIPALITY.matcher(a);
        return m.find() ? m.group(1) : null;
    }
}
