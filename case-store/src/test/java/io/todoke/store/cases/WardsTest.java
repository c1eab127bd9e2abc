package io.todoke.store.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class WardsTest {

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
        assertThat(Wards.fromAddress(address)).isEqualTo(ward);
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
        assertThat(Wards.fromAddress(address)).isEqualTo(municipality);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noAddressNoWard(String address) {
        assertThat(Wards.fromAddress(address)).isNull();
    }

    @org.junit.jupiter.api.Test
    void kobeWithoutAWardIsTheCity() {
        assertThat(Wards.fromAddress("兵庫県神戸市")).isEqualTo("神戸市");
    }
}
