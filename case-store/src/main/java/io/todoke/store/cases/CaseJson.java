package io.todoke.store.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FieldReading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a case's fields, reasons and pages are stored as JSON text (portable between H2 and PostgreSQL).
 * Shared by the intake and the review side so both read the same shape.
 */
public final class CaseJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, FieldReading>> FIELDS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() { };

    private CaseJson() {
    }

    public static String writeFields(Map<String, FieldReading> fields) {
        return write(fields);
    }

    /** Reads fields back in stored (template) order; integers come back as Long, as the engine gives them. */
    public static Map<String, FieldReading> readFields(String json) {
        Map<String, FieldReading> read = read(json, FIELDS);
        Map<String, FieldReading> out = new LinkedHashMap<>();
        read.forEach((k, f) -> out.put(k, new FieldReading(f.key(), longs(f.value()), f.raw(), f.confidence(),
                f.status(), f.page(), f.box(), f.messages())));
        return out;
    }

    public static String writeStrings(List<String> values) {
        return write(values);
    }

    public static List<String> readStrings(String json) {
        return List.copyOf(read(json, STRINGS));
    }

    public static String writePages(List<Integer> pages) {
        return write(pages);
    }

    public static List<Integer> readPages(String json) {
        return List.copyOf(read(json, INTS));
    }

    private static Object longs(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(longs(v)));
            return out;
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
