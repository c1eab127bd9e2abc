package io.todoke.app.search;

import io.todoke.app.security.TodokeUser;
import io.todoke.search.CaseIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a staff member searched for: the box and the filters, as the search page and its exports both read them,
 * so an export holds exactly the cases the page shows.
 *
 * @param q    the search box
 * @param w    ward filter (ignored for ward-bound staff, who always search their own ward)
 * @param from report date from (ISO)
 * @param to   report date to (ISO)
 * @param type case type
 * @param sex  sex
 * @param d    disease code (every disease when empty)
 */
public record SearchFilters(String q, String w, String from, String to, String type, String sex, String d) {

    /** Filters over every disease. */
    public SearchFilters(String q, String w, String from, String to, String type, String sex) {
        this(q, w, from, to, type, sex, "");
    }

    public SearchFilters {
        d = clean(d);
        q = clean(q);
        w = clean(w);
        from = clean(from);
        to = clean(to);
        type = clean(type);
        sex = clean(sex);
    }

    /** Nothing typed and no filter: the page lists nothing, and an export must not list everything. */
    public boolean isEmpty() {
        return q.isEmpty() && w.isEmpty() && from.isEmpty() && to.isEmpty() && type.isEmpty() && sex.isEmpty()
                && d.isEmpty();
    }

    public CaseIndex.CaseQuery query(TodokeUser user, int page, int size) {
        List<String> wards = !user.cityWide() ? List.of(user.getWard()) : w.isEmpty() ? List.of() : List.of(w);
        return new CaseIndex.CaseQuery(q, wards, orNull(from), orNull(to), orNull(type), orNull(sex), orNull(d),
                Math.max(0, page), size);
    }

    /** The filters as request parameters (for export links and the audit detail), empty ones left out. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q);
        put(p, "w", w);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "type", type);
        put(p, "sex", sex);
        put(p, "d", d);
        return p;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (!value.isEmpty()) {
            p.put(name, value);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
