package io.todoke.intake.storage;

/** The archive or error folder is not the installation's shared, writable one; the message says which and why. */
public class SharedStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SharedStorageException(String message) {
        super(message);
    }
}
