package io.todoke.store.jurisdiction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ward of an address, as the configured Kobe counts it; and as another city would, with no code change. */
class JurisdictionTest {

    private static final Jurisdiction KOBE = TestJurisdictions.KOBE;


    @ParameterizedTest
    @CsvSource({
            "兵庫県神戸市東灘区住吉本町1-2-3, 東灘区",
            "神戸市灘区六甲台町1-1, 灘区",
            "兵庫県 神戸市 中央区 加納町6丁目5-1, 中央区",
            "兵庫県神戸市兵庫区荒田町1-1, 兵庫区",
            "神戸市北区鈴蘭台北町1-1, 北区",
            "神戸市長田区北町3-4-3, 長田区",
            "神戸市須磨区中落合2-2-5, 須磨区",
            "神戸市垂水区日向1-5-1, 垂水区",
            "神戸市西区玉津町小山180-3, 西区",
            "兵庫県神戸市中央区１２３, 中央区",
            "兵庫県　神戸市　東灘区　魚崎北町, 東灘区",
    })
    void kobeAddressesGiveTheirWard(String address, String ward) {
        assertThat(KOBE.wardOf(address)).isEqualTo(ward);
    }

    @ParameterizedTest
    @CsvSource({
            "兵庫県明石市中崎1-5-1, 明石市",
            "兵庫県芦屋市精道町7-6, 芦屋市",
            "大阪府大阪市北区梅田1-1, 大阪市",
            "東京都新宿区西新宿2-8-1, 新宿区",
            "兵庫県加古郡稲美町国岡1-1, 稲美町",
            "三重県四日市市諏訪町1-5, 四日市市",
            "西宮市六湛寺町10-3, 西宮市",
            "京都府京都市中京区寺町通御池上る, 京都市",
    })
    void addressesOutsideKobeGiveTheirMunicipality(String address, String municipality) {
        assertThat(KOBE.wardOf(address)).isEqualTo(municipality);
    }

    /** Each of Kobe's wards and a town outside Kobe, with the postal code their address was written with. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"658-0052", "神戸市", "東灘区", "住吉東町1-2-3", "東灘区"},
            new String[] {"657-0836", "神戸市", "灘区", "城内通1-1", "灘区"},
            new String[] {"650-0010", "神戸市", "中央区", "東川崎町1-1-3", "中央区"},
            new String[] {"652-0803", "神戸市", "兵庫区", "大開通2-3", "兵庫区"},
            new String[] {"651-1131", "神戸市", "北区", "北五葉1-1", "北区"},
            new String[] {"653-0812", "神戸市", "長田区", "長田町1-1", "長田区"},
            new String[] {"654-0071", "神戸市", "須磨区", "須磨寺町1-1", "須磨区"},
            new String[] {"655-0026", "神戸市", "垂水区", "陸ノ町1-1", "垂水区"},
            new String[] {"651-2103", "神戸市", "西区", "学園西町1-1", "西区"},
            new String[] {"673-0886", "明石市", "", "東仲ノ町1-1", "明石市"});

    /** How the postal code is written in front of the address; {@code %s} is the code, {@code %d} its digits. */
    private static final List<String> POSTAL_CODE_FORMS = List.of(
            "", "〒%s", "〒 %s ", "%s ", "「〒%s」", "(〒%s)", "（〒%s）", "〒%d", "%d ", "郵便番号 %s ", "〒%s　",
            "FULLWIDTH", "〒%s(ー)", "〒%s(−)", "〒%s(‐)");

    static Stream<Arguments> everyAddressForm() {
        return PLACES.stream().flatMap(place -> POSTAL_CODE_FORMS.stream().flatMap(form ->
                Stream.of("", "兵庫県", "兵庫県 ").map(prefecture -> {
                    String code = postalCode(form, place[0]);
                    String address = code + prefecture + place[1] + place[2] + place[3];
                    return Arguments.of(address, place[4]);
                })));
    }

    private static String postalCode(String form, String code) {
        if (form.equals("FULLWIDTH")) {
            StringBuilder wide = new StringBuilder("〒");
            code.chars().forEach(c -> wide.append(c == '-' ? '－' : (char) (c - '0' + '０')));
            return wide.toString();
        }
        for (String dash : List.of("ー", "−", "‐")) {
            if (form.endsWith("(" + dash + ")")) {
                return "〒" + code.replace("-", dash);
            }
        }
        return form.replace("%s", code).replace("%d", code.replace("-", ""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyAddressForm")
    void thePostalCodeIsTakenOutBeforeTheWardIsDerived(String address, String ward) {
        assertThat(KOBE.wardOf(address)).isEqualTo(ward);
    }

    @ParameterizedTest
    @ValueSource(strings = {"〒650-0010", "650-0010", "〒", "〒650-0010 1-2-3", "〒６５０－００１０　１－２",
            "(〒650-0010)", "住所不明", "1-2-3"})
    void anAddressWithoutAUsableMunicipalityHasNoWard(String address) {
        assertThat(KOBE.wardOf(address)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noAddressNoWard(String address) {
        assertThat(KOBE.wardOf(address)).isNull();
    }

    @Test
    void kobeWithoutAWardIsTheCity() {
        assertThat(KOBE.wardOf("兵庫県神戸市")).isEqualTo("神戸市");
        assertThat(KOBE.wardOf("〒650-0010兵庫県神戸市")).isEqualTo("神戸市");
    }

    @ParameterizedTest
    @CsvSource({
            "架空県架空市山手区1-2-3, 山手区",
            "〒999-0001 架空市南区東3-1, 南区東",
            "架空市南区本町1-1, 南区",
            "架空市, 架空市",
            "兵庫県神戸市西区玉津町小山180-3, 神戸市",
            "兵庫県明石市中崎1-5-1, 明石市",
    })
    void anotherCityCountsItsOwnWardsTheLongestNameWinningAndKobeIsJustAMunicipality(String address, String ward) {
        assertThat(TestJurisdictions.KAKU.wardOf(address)).isEqualTo(ward);
    }

    @Test
    void theConfiguredOrderOfWardsDoesNotDecideWhichWardAnAddressIsIn() {
        Jurisdiction reversed = new Jurisdiction("架空市", List.of("南区東", "山手区", "南区"), List.of());
        assertThat(reversed.wardOf("架空市南区東3-1")).isEqualTo("南区東");
        assertThat(reversed.wardOf("架空市南区本町1-1")).isEqualTo("南区");
    }

    @ParameterizedTest
    @CsvSource({
            "兵庫県明石市中崎1-5-1, 明石市",
            "芦屋市精道町7-6, 芦屋市",
            "兵庫県神戸市西区玉津町小山180-3, 神戸市",
            "大阪府大阪市北区梅田1-1, 大阪市",
    })
    void aPrefectureCountsItsMunicipalities(String address, String municipality) {
        Jurisdiction hyogo = new Jurisdiction("兵庫県", List.of("神戸市", "明石市", "芦屋市"), List.of());
        assertThat(hyogo.wardOf(address)).isEqualTo(municipality);
    }

    @Test
    void withNoJurisdictionConfiguredEveryAddressCountsUnderItsMunicipality() {
        Jurisdiction none = new Jurisdiction(null, null, null);
        assertThat(none.wards()).isEmpty();
        assertThat(none.wardOf("兵庫県神戸市西区玉津町小山180-3")).isEqualTo("神戸市");
        assertThat(none.isWard("西区")).isFalse();
    }

    @Test
    void aHealthCentreServesConfiguredWardsOnly() {
        assertThat(TestJurisdictions.KAKU.healthCentreOf("山手区")).map(Jurisdiction.HealthCentre::name)
                .contains("架空市保健所");
        assertThatThrownBy(() -> new Jurisdiction("架空市", List.of("山手区"),
                List.of(new Jurisdiction.HealthCentre("架空市保健所", List.of("海辺区")))))
                .hasMessageContaining("海辺区");
        assertThatThrownBy(() -> new Jurisdiction(null, List.of("山手区"), null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new Jurisdiction("架空市", List.of("山手区", "山手区"), null))
                .hasMessageContaining("repeated");
    }
}
