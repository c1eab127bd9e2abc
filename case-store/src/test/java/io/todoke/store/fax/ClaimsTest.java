package io.todoke.store.fax;

import io.todoke.store.jurisdiction.TestJurisdictions;
import io.todoke.store.TestDatabase;
import io.todoke.store.outbox.IndexOutbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims and leases as plain SQL that behaves alike on H2 and PostgreSQL. */
class ClaimsTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    static List<TestDatabase> databases() {
        return TestDatabase.all().toList();
    }

    private static FaxStore faxes(TestDatabase db) {
        IndexOutbox outbox = new IndexOutbox(db.jdbc(), db.transactions());
        return new FaxStore(db.jdbc(), db.transactions(), outbox, TestJurisdictions.KOBE);
    }

    private static void expire(TestDatabase db, String table) {
        db.jdbc().sql("update " + table + " set lease_until = ?")
                .param(java.time.OffsetDateTime.now().minusSeconds(1)).update();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInboxEntryIsClaimedOnceAndAnExpiredClaimIsTakenOverByOneInstance(TestDatabase db) {
        try (db) {
            db.open();
            InboxClaims claims = new InboxClaims(db.jdbc());
            var first = claims.claim("fax", "k".repeat(64), "発生届.pdf", 10, "a", LEASE);
            assertThat(first).isPresent();
            assertThat(claims.claim("fax", "k".repeat(64), "発生届.pdf", 10, "b", LEASE)).isEmpty();
            assertThat(claims.expired(10)).isEmpty();
            assertThat(claims.takeOver(first.get().id(), "b", LEASE)).as("a's lease still runs").isFalse();

            expire(db, "inbox_claim");
            assertThat(claims.expired(10)).extracting(InboxClaims.Claim::id).containsExactly(first.get().id());
            assertThat(claims.takeOver(first.get().id(), "b", LEASE)).isTrue();
            assertThat(claims.takeOver(first.get().id(), "c", LEASE)).isFalse();
            assertThat(claims.renew("a", LEASE)).as("a lost it").isZero();
            assertThat(claims.renew("b", LEASE)).isOne();

            claims.release(first.get().id());
            assertThat(claims.claim("fax", "k".repeat(64), "発生届.pdf", 10, "c", LEASE)).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFaxIsReadOnlyByTheInstanceHoldingItsLeaseAndTakenOverWhenTheLeaseRunsOut(TestDatabase db) {
        try (db) {
            db.open();
            FaxStore faxes = faxes(db);
            FaxLeases leases = new FaxLeases(db.jdbc());
            UUID claim = UUID.randomUUID();
            FaxDocument fax = faxes.receive(new FaxStore.Receipt("fax", "x.pdf", "c".repeat(64), 5,
                    "application/pdf", claim, "a", io.todoke.store.Db.now().plus(LEASE))).fax();
            faxes.markArchived(fax.id());

            assertThat(leases.claim(fax.id(), "b", LEASE)).as("a holds it").isFalse();
            assertThat(leases.takeable(10)).isEmpty();
            assertThat(faxes.markFailed(fax.id(), "時間切れ", "b")).as("b cannot fail a's fax").isFalse();

            expire(db, "fax_document");
            assertThat(leases.takeable(10)).containsExactly(fax.id());
            assertThat(leases.claim(fax.id(), "b", LEASE)).isTrue();
            assertThat(leases.holds(fax.id(), "a")).isFalse();
            assertThat(faxes.markFailed(fax.id(), "時間切れ", "a")).as("a lost its claim").isFalse();
            assertThat(faxes.markFailed(fax.id(), "時間切れ", "b")).isTrue();
            assertThat(faxes.find(fax.id()).orElseThrow().state()).isEqualTo(FaxState.FAILED);

            // The same claim again is the same receipt; the same content under another claim a duplicate.
            assertThat(faxes.receive(new FaxStore.Receipt("fax", "x.pdf", "c".repeat(64), 5, "application/pdf", claim,
                    "b", null)).outcome()).isEqualTo(FaxReceipt.Outcome.ALREADY_RECEIVED);
            assertThat(faxes.receive(new FaxStore.Receipt("fax", "x.pdf", "c".repeat(64), 5, "application/pdf",
                    UUID.randomUUID(), "b", null)).outcome()).isEqualTo(FaxReceipt.Outcome.DUPLICATE);
        }
    }
}
