package io.todoke.intake.index;

import io.todoke.intake.IntakeMetrics;
import io.todoke.search.CaseIndex;
import io.todoke.search.ops.RepeatedFailureLog;
import io.todoke.store.cases.CaseState;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.cases.NotificationCase;
import io.todoke.store.outbox.IndexOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Writes due outbox entries to the search index; the outbox keeps what failed for a later try. */
public class IndexOutboxDrainer {

    private static final Logger LOG = LoggerFactory.getLogger(IndexOutboxDrainer.class);
    private static final Set<CaseState> INDEXABLE = EnumSet.of(CaseState.AUTO_CONFIRMED, CaseState.CONFIRMED,
            CaseState.INDEXED);

    private final IndexOutbox outbox;
    private final CaseStore cases;
    private final CaseIndex index;
    private final IntakeMetrics metrics;
    private final int batch;
    private final CaseDocuments documents;
    // An outage makes every pass fail: one line per interval with the count, not one per pass.
    private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "Search index writes", Duration.ofMinutes(5));

    public IndexOutboxDrainer(IndexOutbox outbox, CaseStore cases, CaseIndex index, CaseDocuments documents,
                              IntakeMetrics metrics, int batch) {
        this.outbox = outbox;
        this.documents = documents;
        this.cases = cases;
        this.index = index;
        this.metrics = metrics;
        this.batch = batch;
    }

    /** One pass; returns what it did. */
    public IndexOutbox.Drained drainOnce() {
        IndexOutbox.Drained drained = outbox.drain(batch, this::write);
        if (drained.failed() > 0) {
            metrics.error("index");
            failures.failure(drained.failed() + " entr(ies) to retry later, " + drained.written() + " written");
        } else if (drained.written() > 0) {
            failures.success();
            LOG.debug("search index: {} written", drained.written());
        }
        return drained;
    }

    private void write(IndexOutbox.Entry entry) {
        if (IndexOutbox.DELETE.equals(entry.operation())) {
            index.delete(entry.caseId().toString());
            return;
        }
        Optional<NotificationCase> found = cases.find(entry.caseId());
        if (found.isPresent() && INDEXABLE.contains(found.get().state())) {
            index.index(documents.of(found.get()));
        } else {
            // Rejected (or gone) since it was queued: make sure the index does not keep an old copy.
            index.delete(entry.caseId().toString());
        }
    }
}
