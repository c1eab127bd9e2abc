package io.todoke.store.review;

import java.util.UUID;

/** No case with this id. */
public class CaseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaseNotFoundException(UUID id) {
        super("no case " + id);
    }
}
