package io.todoke.ocr;

import java.util.List;

/**
 * Everything the engine found in one fax file.
 *
 * @param file   the file's name as given
 * @param pages  one classification per page, in page order
 * @param images one image per page, in page order
 * @param forms  the notification forms found, in page order
 */
public record FaxReading(String file, List<PageClassification> pages, List<PageImage> images, List<FormReading> forms) {

    public FaxReading {
        pages = List.copyOf(pages);
        images = List.copyOf(images);
        forms = List.copyOf(forms);
    }
}
