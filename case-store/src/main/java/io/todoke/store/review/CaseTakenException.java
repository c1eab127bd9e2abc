package io.todoke.store.review;

/** Another clerk holds the case, or changed it since it was loaded (optimistic lock). */
public class CaseTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String holder;

    public CaseTakenException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
