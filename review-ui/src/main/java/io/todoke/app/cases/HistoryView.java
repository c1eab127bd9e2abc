package io.todoke.app.cases;

import io.todoke.ocr.FormCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.app.Labels;
import io.todoke.app.forms.FormLayouts;
import io.todoke.app.security.UserAccounts;
import io.todoke.store.audit.AuditEntry;
import io.todoke.store.cases.NotificationCase;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A case's audit entries as a clerk reads them: actions in Japanese, who by name, the field by its label, values
 * as written (not JSON), options by their labels. The audit log itself keeps the codes and the JSON.
 */
@Component
public class HistoryView {

    /** One line of the history table. */
    public record Row(Instant at, String actor, String action, String field, String readValue, String oldValue,
                      String newValue, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormLayouts layouts;
    private final UserAccounts accounts;

    public HistoryView(FormLayouts layouts, UserAccounts accounts) {
        this.layouts = layouts;
        this.accounts = accounts;
    }

    public List<Row> rows(NotificationCase c, List<AuditEntry> entries) {
        Optional<FormCatalog.Form> layout = c.templateId() == null ? Optional.empty()
                : layouts.layout(c.templateId(), c.templateVersion());
        Map<String, String> names = accounts.list().stream()
                .collect(Collectors.toMap(UserAccounts.Account::username, UserAccounts.Account::displayName));
        return entries.stream().map(e -> {
            Optional<FormCatalog.Field> field = e.field() == null ? Optional.empty() : layout.flatMap(l -> l.field(e.field()));
            boolean historyView = "VIEW".equals(e.action()) && "history".equals(e.detail());
            return new Row(e.at(), names.getOrDefault(e.actor(), e.actor()), historyView ? "履歴の閲覧" : Labels.of(Labels.ACTION, e.action()),
                    field.map(FormCatalog.Field::label).orElse(e.field()), e.readValue(),
                    value(e.oldValue(), field), value(e.newValue(), field),
                    historyView ? null : e.action().startsWith("DOUBLE_CHECK_") ? fieldLabels(e.detail(), layout) : e.detail());
        }).toList();
    }

    /** The double check's field keys (its entries' detail) as labels. */
    private static String fieldLabels(String keys, Optional<FormCatalog.Form> layout) {
        if (keys == null || keys.isBlank()) {
            return keys;
        }
        return java.util.Arrays.stream(keys.split(","))
                .map(k -> layout.flatMap(l -> l.field(k)).map(FormCatalog.Field::label).orElse(k))
                .collect(Collectors.joining("、"));
    }

    /** A stored JSON value as text: strings as written, lists joined, options by label, null as （空欄）. */
    static String value(String json, Optional<FormCatalog.Field> field) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            return json;
        }
        if (node == null || node.isNull()) {
            return "（空欄）";
        }
        Map<String, String> options = field.map(f -> f.options().stream()
                .collect(Collectors.toMap(FormCatalog.Option::value, FormCatalog.Option::label, (a, b) -> a))).orElse(Map.of());
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "（なし）";
            }
            return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                    .map(n -> options.getOrDefault(n.asText(), n.asText())).collect(Collectors.joining("、"));
        }
        return options.getOrDefault(node.asText(), node.asText());
    }
}
