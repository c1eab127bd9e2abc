package io.todoke.ocr;

/** The file is not a fax the engine can read: corrupt, encrypted, empty, too large or not an image. */
public class UnreadableFaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public enum Reason { EMPTY, CORRUPT, ENCRYPTED, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_PAGES }

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
