package io.todoke.app;

import java.util.Map;

/**
 * The Japanese a clerk or staff member reads for the codes stored in cases, the index and the audit log: the same
 * labels on pages, in the press table and in every export.
 */
public final class Labels {

    public static final Map<String, String> SEX = Map.of("male", "男性", "female", "女性");
    public static final Map<String, String> CASE_TYPE = Map.of("confirmed", "患者（確定例）", "asymptomatic",
            "無症状病原体保有者", "suspected", "疑似症患者", "deceased", "感染症死亡者の死体",
            "suspected_deceased", "感染症死亡疑い者の死体");
    /** The audit log's actions, as the history tables show them. */
    public static final Map<String, String> ACTION = Map.ofEntries(
            Map.entry("CLAIM", "担当"), Map.entry("RELEASE", "保留"), Map.entry("VIEW", "閲覧"),
            Map.entry("CORRECT", "修正"), Map.entry("ACCEPT", "確認"), Map.entry("CONFIRM", "確定"),
            Map.entry("REJECT", "却下"), Map.entry("RESTORE", "却下を取消"), Map.entry("LINK", "関連付け"),
            Map.entry("DOWNLOAD", "原本ダウンロード"), Map.entry("EXPORT", "出力"), Map.entry("REINDEX", "検索に再登録"),
            Map.entry("DOUBLE_CHECK_FIRST", "二重入力（1人目）"), Map.entry("DOUBLE_CHECK_AGREED", "二重入力（一致）"),
            Map.entry("DOUBLE_CHECK_DISAGREED", "二重入力（不一致）"),
            Map.entry("DOUBLE_CHECK_DECIDED", "二重入力（責任者の判断）"),
            Map.entry("FOLLOWUP_ASSIGN", "担当区に割当"), Map.entry("FOLLOWUP_STATUS", "対応状況の変更"),
            Map.entry("FOLLOWUP_ASSIGNEE", "担当者の変更"), Map.entry("FOLLOWUP_TRANSFER", "移管"),
            Map.entry("FOLLOWUP_RECORD", "対応記録"), Map.entry("FOLLOWUP_CORRECT", "対応記録の訂正"),
            Map.entry("FOLLOWUP_VIEW", "対応の閲覧"), Map.entry("FOLLOWUP_LINK", "既存の対応に統合"),
            Map.entry("FOLLOWUP_EXPORT", "移管用出力"));
    /** A form field's type (its name in {@code layout.json}), as the form library page shows it. */
    public static final Map<String, String> FIELD_TYPE = Map.of("text", "文字", "address", "住所", "kana", "フリガナ",
            "date", "日付", "integer", "数値", "phone", "電話番号", "choice", "選択（一つ）", "multi_choice", "選択（複数）");
    /** Search facets by the index field they count. */
    public static final Map<String, String> FACET = Map.of("disease", "疾患", "ward", "区", "case_type", "類型",
            "sex", "性別", "followup_status_label", "対応状況", "followup_stay_label", "療養場所");

    private Labels() {
    }

    /** The label of a coded value, or the value itself when it has none. */
    public static String of(Map<String, String> labels, Object value) {
        return value == null ? null : labels.getOrDefault(value.toString(), value.toString());
    }

    /** A facet value: the case type and sex by their labels, a ward as it is. */
    public static String facetValue(String facet, String value) {
        return switch (facet) {
            case "case_type" -> of(CASE_TYPE, value);
            case "sex" -> of(SEX, value);
            default -> value;
        };
    }
}
