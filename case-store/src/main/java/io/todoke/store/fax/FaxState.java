package io.todoke.store.fax;

/** Where a received fax file is in its life; every transition is committed before the next step starts. */
public enum FaxState {
    /** The file was taken from an inbox, hashed and archived; not yet read. */
    RECEIVED,
    /** The engine read it and its cases were created. */
    READ,
    /** Same content as an earlier fax; kept, not processed again. */
    DUPLICATE,
    /** It could not be read; the reason is recorded and the file is in the error folder. */
    FAILED
}
