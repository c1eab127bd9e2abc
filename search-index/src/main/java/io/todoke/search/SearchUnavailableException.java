package io.todoke.search;

/** The search cluster did not answer; the database stays the system of record and the outbox retries. */
public class SearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
