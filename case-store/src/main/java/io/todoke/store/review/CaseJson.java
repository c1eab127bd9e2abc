package io.todoke.store.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FieldReading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text columns of notification_case, read and written the one way the whole store uses. */
public final class CaseJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseJson() {
    }

    public static Map<String, FieldReading> readFields(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, FieldReading> read = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, FieldReading>>() { });
            Map<String, FieldReading> fields = new LinkedHashMap<>();
            // JSON numbers come back as Integer; the contract says integers are Long.
            read.forEach((k, f) -> fields.put(k, f.value() instanceof Integer i
                    ? new FieldReading(f.key(), i.longValue(), f.raw(), f.confidence(), f.status(), f.page(), f.box(), f.messages())
                    : f));
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification_case.fields is not valid JSON", e);
        }
    }

    public static String writeFields(Map<String, FieldReading> fields) {
        return write(fields);
    }

    public static List<String> readStrings(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of strings: " + json, e);
        }
    }

    public static List<Integer> readInts(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of integers: " + json, e);
        }
    }

    /** A field value as audit text: JSON, so that null, numbers and lists stay distinguishable. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }
}
