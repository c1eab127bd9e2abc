package io.todoke.store.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An address's postal code against its ward, with the list scripts/towns.sh writes from Japan Post's data
 * (config/postal-codes.tsv): 〒650-0011 is 神戸市中央区, 〒658-0081 神戸市東灘区, 〒530-0001 大阪市北区.
 */
class PostalCodeConflictTest {

    private static final Jurisdiction KOBE = new Jurisdiction(TestJurisdictions.KOBE.name(),
            TestJurisdictions.KOBE.wards(), TestJurisdictions.KOBE.healthCentres(),
            Path.of("..", "config", "postal-codes.tsv"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"〒650-0011兵庫県神戸市中央区下山手通5-1-1", "〒650-0011神戸市中央区下山手通5-1-1",
            "650-0011 兵庫県神戸市中央区下山手通5-1-1", "6500011神戸市中央区下山手通5-1-1",
            "〒６５０－００１１　兵庫県神戸市中央区下山手通５－１－１", "兵庫県神戸市中央区下山手通5-1-1 (〒650-0011)",
            "〒658-0081兵庫県神戸市東灘区田中町1-1", "〒530-0001大阪府大阪市北区梅田1-1",
            // codes the list does not know, and an address whose ward cannot be told: nothing to check
            "〒650-0010兵庫県神戸市中央区東川崎町1-1-3", "〒999-9999神戸市中央区下山手通5-1-1", "〒650-0011 1-2-3",
            "兵庫県神戸市中央区下山手通5-1-1"})
    void aPostalCodeOfTheAddressesOwnWardOrOneTheListDoesNotKnowIsNoConflict(String address) {
        assertThat(KOBE.postalCodeConflict(address)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "〒658-0081兵庫県神戸市中央区下山手通5-1-1|郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません",
            "〒658-0081神戸市中央区下山手通5-1-1|郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません",
            "658-0081 兵庫県神戸市中央区下山手通5-1-1|郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません",
            "〒６５８－００８１　兵庫県神戸市中央区下山手通５－１－１|郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません",
            "6580081神戸市中央区下山手通5-1-1|郵便番号（〒658-0081）は東灘区の番号で、住所の中央区と一致しません",
            // Osaka's 北区 is not Kobe's
            "〒530-0001兵庫県神戸市北区鈴蘭台北町1-1|郵便番号（〒530-0001）は大阪市の番号で、住所の北区と一致しません",
            "〒650-0011兵庫県明石市大明石町1-1|郵便番号（〒650-0011）は中央区の番号で、住所の明石市と一致しません"})
    void aPostalCodeOfAnotherWardIsAConflictNamingBoth(String address, String reason) {
        assertThat(KOBE.postalCodeConflict(address)).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"〒658-0081兵庫県神戸市中央区下山手通5-1-1"})
    void withoutAListNothingIsChecked(String address) {
        assertThat(TestJurisdictions.KOBE.postalCodeConflict(address)).isEmpty();
        Jurisdiction missingList = new Jurisdiction("神戸市", TestJurisdictions.KOBE.wards(), null,
                Path.of("no-such-postal-codes.tsv"));
        assertThat(missingList.postalCodeConflict(address)).isEmpty();
    }

    @Test
    void theListIsTheSettingTodokeJurisdictionPostalCodes() {
        Jurisdiction bound = new Binder(new MapConfigurationPropertySource(Map.of("todoke.jurisdiction.name", "神戸市",
                "todoke.jurisdiction.wards[0]", "中央区", "todoke.jurisdiction.wards[1]", "東灘区",
                "todoke.jurisdiction.postal-codes", "../config/postal-codes.tsv")))
                .bind("todoke.jurisdiction", Jurisdiction.class).get();
        assertThat(bound.postalCodes()).isEqualTo(Path.of("../config/postal-codes.tsv"));
        assertThat(bound.postalCodeConflict("〒658-0081神戸市中央区下山手通5-1-1")).isPresent();
    }
}
