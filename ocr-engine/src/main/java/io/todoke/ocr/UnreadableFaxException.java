package io.todoke.ocr;

/**
 * The file is not a fax the engine can read: corrupt, encrypted, empty, too large or not an image. The message is
 * English, one line, and names no file and nothing from its content: callers show their own text for the reason.
 */
public class UnreadableFaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * Why. {@code TOO_LARGE}: the file's bytes; {@code PAGE_TOO_LARGE}: a page's declared size in points or pixels
     * (see {@link DecodeLimits}).
     */
    public enum Reason { EMPTY, CORRUPT, ENCRYPTED, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_PAGES, PAGE_TOO_LARGE }

    public UnreadableFaxException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableFaxException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
