package io.todoke.search.node;

/** The local Elasticsearch node could not be prepared, started or stopped; the message names the cause. */
public class LocalElasticsearchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalElasticsearchException(String message) {
        super(message);
    }

    public LocalElasticsearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
