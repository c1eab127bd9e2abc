package io.todoke.intake.index;

import io.todoke.search.CaseDocument;
import io.todoke.search.CaseIndex;
import io.todoke.store.cases.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/** Rebuilds the search index from the database, the system of record (the app's {@code --reindex}). */
public class ReindexService {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexService.class);

    private final CaseStore cases;
    private final CaseIndex index;
    private final CaseDocuments toDocument;

    public ReindexService(CaseStore cases, CaseIndex index, CaseDocuments documents) {
        this.cases = cases;
        this.index = index;
        this.toDocument = documents;
    }

    /** Replaces the index contents with every confirmed case; returns how many were written. */
    public long reindex() {
        AtomicLong count = new AtomicLong();
        Iterable<CaseDocument> documents = () -> {
            Iterator<io.todoke.store.cases.NotificationCase> it = cases.indexable(500).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public CaseDocument next() {
                    count.incrementAndGet();
                    return toDocument.of(it.next());
                }
            };
        };
        index.rebuild(documents);
        LOG.info("search index rebuilt from the database: {} case(s)", count.get());
        return count.get();
    }
}
