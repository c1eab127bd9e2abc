package io.todoke.ocr.decode;

import io.todoke.ocr.UnreadableFaxException;

/**
 * An opened fax file whose every page has passed the decode limits on its declared size; a page's pixels are decoded
 * only when asked for, so one page at a time is held.
 */
public interface DecodedFax extends AutoCloseable {

    int pageCount();

    /**
     * Decodes page {@code index} (from 0).
     *
     * @throws io.todoke.ocr.ReadingInterruptedException if the thread is interrupted
     */
    DecodedPage page(int index) throws UnreadableFaxException;

    @Override
    void close();
}
