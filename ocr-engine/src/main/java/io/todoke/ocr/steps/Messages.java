package io.todoke.ocr.steps;

/** The reasons a field goes to a clerk, as the review page shows them. */
public final class Messages {

    public static final String REQUIRED = "必須項目が空欄です";
    public static final String ILLEGIBLE = "記入がありますが読み取れません";
    public static final String LOW = "読み取りの確信度が低いため確認してください";
    public static final String CONFUSABLE = "読み誤りやすい文字を含むため確認してください";
    public static final String SECOND_READ = "読み取り結果が一定しません（文字を確認してください）";
    public static final String AMBIGUOUS_MARK = "チェックがはっきりしない選択肢があります";
    public static final String MANY = "複数の選択肢にチェックがあります";
    public static final String NAME_BY_GLYPH = "氏名辞書と字形から読み替えました（確認してください）";
    public static final String WORD_BY_GLYPH = "辞書の語と字形から一部の文字を読み替えました（確認してください）";
    public static final String TERM = "英字の用語（SpO2 など）の綴りに直しました（確認してください）";
    public static final String NAME_BY_KANA = "ふりがなの読みと字形から氏名を読み替えました（確認してください）";
    public static final String KANA_UNVOUCHED = "ふりがなを氏名の読みで確かめられないため確認してください";
    public static final String NAME_UNVOUCHED = "氏名の読みがふりがなと一致しないため確認してください";
    public static final String KANA_BY_NAME = "氏名の読みに合わせて直しました（確認してください）";
    public static final String RECONCILED = "他の項目と矛盾していたため、矛盾しない読み方に直しました（確認してください）";
    public static final String ADDRESS_REPAIRED = "住所の一部（丁目・番・号など）を補って読みました（確認してください）";
    public static final String UNKNOWN_TOWN = "町名が郵便番号データのどの町名とも一致しません（確認してください）";
    public static final String NOT_AN_ADDRESS = "住所の形（市区町村・番地）になっておらず「同上」などでもありません（確認してください）";
    public static final String VOICING = "濁点・半濁点の有無を前後の語から読み替えました（確認してください）";
    public static final String GAP = "文字の間の空白に記号（：・など）が抜けている場合があるため確認してください";
    public static final String DIGIT_SHAPE = "「8」の左側が開いており「3」の可能性があるため確認してください";
    public static final String LAYER_NO_INK = "PDFの文字情報がありますが画像に記入が見当たりません";

    private Messages() {
    }
}
