package io.todoke.store.fax;

/**
 * What receiving a file amounted to.
 *
 * @param fax     the fax record the file now belongs to
 * @param outcome whether it is new work, a duplicate of an earlier fax, or a file this store already holds
 */
public record FaxReceipt(FaxDocument fax, Outcome outcome) {

    public enum Outcome {
        /** First time this content is seen: archive it and read it. */
        NEW,
        /** Same content as an earlier fax: recorded as DUPLICATE, archived, not read again. */
        DUPLICATE,
        /**
         * This very file (same inbox, name and content) was already received: the process stopped before the
         * file left the inbox. Finish archiving if needed; do not count it again.
         */
        ALREADY_RECEIVED
    }
}
