package io.todoke.store.doublecheck;

/** A step of the double check out of turn: the first clerk typing the second entry, or a stage already past. */
public class DoubleCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DoubleCheckException(String message) {
        super(message);
    }
}
