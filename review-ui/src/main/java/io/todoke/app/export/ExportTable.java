package io.todoke.app.export;

import java.util.List;

/**
 * A table to export: a sheet name, a header row and rows of cell values (String, Number or null).
 *
 * @param name     sheet name and file name stem (ASCII, no path characters)
 * @param headers  column headings
 * @param rows     the rows, each as long as {@code headers}
 */
public record ExportTable(String name, List<String> headers, List<List<Object>> rows) {

    public ExportTable {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,31}")) {
            throw new IllegalArgumentException("export name must be 1-31 ASCII letters, digits, '-' or '_': " + name);
        }
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells under " + headers.size() + " headers");
            }
        }
    }
}
