package io.todoke.tools.samples;

import java.util.List;
import java.util.Random;

/** Realistic word lists for filled forms: names with readings, Kobe addresses, clinics, occupations. */
final class SampleData {

    private SampleData() {
    }

    /** A written name and its reading in katakana. */
    record Named(String kanji, String kana) {
    }

    /** A town (町名) of a ward, and whether its addresses use 丁目 (some use a bare block number). */
    record Town(String ward, String name, boolean chome) {
    }

    static final List<Named> SURNAMES = list(
            "佐藤:サトウ", "鈴木:スズキ", "高橋:タカハシ", "田中:タナカ", "伊藤:イトウ", "渡辺:ワタナベ", "山本:ヤマモト",
            "中村:ナカムラ", "小林:コバヤシ", "加藤:カトウ", "吉田:ヨシダ", "山田:ヤマダ", "佐々木:ササキ", "山口:ヤマグチ",
            "松本:マツモト", "井上:イノウエ", "木村:キムラ", "林:ハヤシ", "斎藤:サイトウ", "清水:シミズ", "山崎:ヤマザキ",
            "森:モリ", "池田:イケダ", "橋本:ハシモト", "阿部:アベ", "石川:イシカワ", "前田:マエダ", "藤田:フジタ",
            "岡田:オカダ", "後藤:ゴトウ", "長谷川:ハセガワ", "村上:ムラカミ", "近藤:コンドウ", "石井:イシイ", "坂本:サカモト",
            "遠藤:エンドウ", "西村:ニシムラ", "藤井:フジイ", "福田:フクダ", "太田:オオタ", "三浦:ミウラ", "藤原:フジワラ",
            "岡本:オカモト", "松田:マツダ", "中川:ナカガワ", "原田:ハラダ", "小川:オガワ", "竹内:タケウチ", "和田:ワダ",
            "上田:ウエダ", "大西:オオニシ", "谷口:タニグチ", "北村:キタムラ", "松井:マツイ", "吉川:ヨシカワ", "森本:モリモト");

    static final List<Named> MALE_NAMES = list(
            "太郎:タロウ", "健太:ケンタ", "翔太:ショウタ", "大輔:ダイスケ", "誠:マコト", "浩:ヒロシ", "隆:タカシ",
            "拓也:タクヤ", "健一:ケンイチ", "和夫:カズオ", "茂:シゲル", "勝:マサル", "蓮:レン", "悠真:ユウマ",
            "陽翔:ハルト", "湊:ミナト", "直樹:ナオキ", "修:オサム", "清:キヨシ", "一郎:イチロウ", "正男:マサオ",
            "秀樹:ヒデキ", "亮:リョウ", "翼:ツバサ", "大和:ヤマト", "康弘:ヤスヒロ", "博之:ヒロユキ", "進:ススム");

    static final List<Named> FEMALE_NAMES = list(
            "花子:ハナコ", "陽子:ヨウコ", "恵子:ケイコ", "幸子:サチコ", "美咲:ミサキ", "結衣:ユイ", "さくら:サクラ",
            "愛:アイ", "由美子:ユミコ", "真由美:マユミ", "久美子:クミコ", "明美:アケミ", "葵:アオイ", "陽菜:ヒナ",
            "結菜:ユイナ", "芽依:メイ", "直美:ナオミ", "智子:トモコ", "和子:カズコ", "洋子:ヨウコ", "麻衣:マイ",
            "彩:アヤ", "千尋:チヒロ", "紀子:ノリコ", "節子:セツコ", "文子:フミコ", "優子:ユウコ", "美穂:ミホ");

    static final List<String> WARDS = List.of("東灘区", "灘区", "中央区", "兵庫区", "北区", "長田区", "須磨区", "垂水区", "西区");

    static final List<Town> KOBE_TOWNS = List.of(
            new Town("東灘区", "住吉本町", true), new Town("東灘区", "岡本", true), new Town("東灘区", "御影本町", true),
            new Town("東灘区", "魚崎北町", true), new Town("東灘区", "深江南町", true), new Town("東灘区", "本山北町", true),
            new Town("灘区", "六甲台町", false), new Town("灘区", "篠原本町", true), new Town("灘区", "岩屋北町", true),
            new Town("灘区", "王子町", true), new Town("灘区", "高羽町", true), new Town("灘区", "桜口町", true),
            new Town("中央区", "加納町", true), new Town("中央区", "三宮町", true), new Town("中央区", "下山手通", true),
            new Town("中央区", "北野町", true), new Town("中央区", "港島中町", true), new Town("中央区", "脇浜町", true),
            new Town("中央区", "二宮町", true), new Town("中央区", "楠町", true),
            new Town("兵庫区", "湊川町", true), new Town("兵庫区", "水木通", true), new Town("兵庫区", "大開通", true),
            new Town("兵庫区", "荒田町", true), new Town("兵庫区", "会下山町", true), new Town("兵庫区", "東山町", true),
            new Town("北区", "鈴蘭台北町", true), new Town("北区", "有馬町", false), new Town("北区", "甲栄台", true),
            new Town("北区", "藤原台中町", true), new Town("北区", "北五葉", true), new Town("北区", "山田町小部", false),
            new Town("長田区", "腕塚町", true), new Town("長田区", "若松町", true), new Town("長田区", "大橋町", true),
            new Town("長田区", "長田町", true), new Town("長田区", "房王寺町", true), new Town("長田区", "西代通", true),
            new Town("須磨区", "須磨浦通", true), new Town("須磨区", "板宿町", true), new Town("須磨区", "大手町", true),
            new Town("須磨区", "北落合", true), new Town("須磨区", "白川台", true), new Town("須磨区", "横尾", true),
            new Town("垂水区", "舞子台", true), new Town("垂水区", "塩屋町", true), new Town("垂水区", "星が丘", true),
            new Town("垂水区", "霞ケ丘", true), new Town("垂水区", "高丸", true), new Town("垂水区", "名谷町", false),
            new Town("西区", "玉津町今津", false), new Town("西区", "学園西町", true), new Town("西区", "伊川谷町有瀬", false),
            new Town("西区", "糀台", true), new Town("西区", "竹の台", true), new Town("西区", "井吹台東町", true));

    /** Addresses outside the city (commuters, visitors), with the phone prefix of their area. */
    static final List<String[]> OUTSIDE = List.of(
            new String[] {"兵庫県明石市大久保町大窪", "078"}, new String[] {"兵庫県芦屋市大原町", "0797"},
            new String[] {"兵庫県西宮市甲子園町", "0798"}, new String[] {"兵庫県姫路市飾磨区今在家", "079"},
            new String[] {"兵庫県三木市志染町広野", "0794"}, new String[] {"大阪府大阪市北区梅田", "06"},
            new String[] {"兵庫県尼崎市南塚口町", "06"}, new String[] {"兵庫県加古川市加古川町寺家町", "079"});

    static final List<String> BUILDINGS = List.of("サンハイツ", "コーポ六甲", "メゾン三宮", "グランドール須磨",
            "ハイツ垂水", "シャトー岡本", "ライオンズマンション", "ロイヤルコート");

    static final List<String> FACILITY_NAMES = List.of("神戸中央クリニック", "医療法人社団 六甲内科医院",
            "東灘ファミリークリニック", "須磨浦病院", "たるみ山本内科", "長田中央病院", "西神ニュータウン診療所",
            "三宮駅前内科クリニック", "兵庫みなと病院", "北神ささき小児科", "灘区民診療所", "ポートアイランド総合病院",
            "さくら耳鼻咽喉科", "名谷こどもクリニック", "御影呼吸器内科");

    static final List<String> WORKERS = List.of("会社員", "会社役員", "公務員", "教員", "看護師", "介護職員",
            "飲食店従業員", "自営業", "販売員", "医師", "運転手", "建設業", "パート従業員", "保育士", "無職");

    static final List<String> ROUTES = List.of("家族内感染（同居家族より）", "職場内での接触", "飲食店での会食",
            "不明", "医療機関内での接触", "介護施設内での接触", "友人との会食", "通勤時の接触（推定）", "学校内での接触");

    static final List<String> REGIONS = List.of("神戸市", "兵庫県神戸市中央区", "大阪府大阪市", "不明", "兵庫県内",
            "東京都", "神戸市内");

    static final List<String> REMARKS = List.of("濃厚接触者：同居家族3名", "基礎疾患：高血圧", "基礎疾患：糖尿病",
            "ワクチン2回接種済", "ワクチン未接種", "酸素投与なし", "入院調整中", "自宅療養", "妊娠中（20週）",
            "同居家族も検査予定", "SpO2 96%");

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static List<Named> list(String... pairs) {
        return java.util.Arrays.stream(pairs).map(p -> p.split(":")).map(p -> new Named(p[0], p[1])).toList();
    }
}
