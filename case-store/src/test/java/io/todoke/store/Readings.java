package io.todoke.store;

import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.PixelBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Engine results for store tests. */
public final class Readings {

    private Readings() {
    }

    public static FieldReading ok(String key, Object value) {
        return field(key, value, FieldStatus.OK, List.of());
    }

    public static FieldReading field(String key, Object value, FieldStatus status, List<String> messages) {
        return new FieldReading(key, value, String.valueOf(value), status == FieldStatus.OK ? 0.99 : 0.4, status, 0,
                new PixelBox(10, 20, 300, 40), messages);
    }

    public static FormReading form(int page, FieldReading... fields) {
        Map<String, FieldReading> map = new LinkedHashMap<>();
        for (FieldReading f : fields) {
            map.put(f.key(), f);
        }
        return new FormReading(List.of(page), "covid19-notification", "2021-04", 0.97, map, List.of());
    }

    /** A fax whose pages are of these kinds, with the given forms. */
    public static FaxReading fax(String file, List<PageKind> kinds, FormReading... forms) {
        List<PageClassification> pages = new ArrayList<>();
        List<PageImage> images = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            PageKind kind = kinds.get(i);
            pages.add(new PageClassification(i, kind, kind == PageKind.FORM ? "covid19-notification" : null,
                    kind == PageKind.FORM ? 0.95 : 0.1, 0));
            images.add(new PageImage(i, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) i}, 1654, 2339));
        }
        return new FaxReading(file, pages, images, List.of(forms));
    }
}
