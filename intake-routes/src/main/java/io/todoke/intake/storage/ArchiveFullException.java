package io.todoke.intake.storage;

import java.io.IOException;

/**
 * The archive (or its work folder) has no room for a fax: a condition of the storage, not of the fax, so the
 * fax waits where it is and is taken once there is room again.
 */
public class ArchiveFullException extends IOException {

    public ArchiveFullException(IOException cause) {
        super("no space left in the archive", cause);
    }
}
