package io.todoke.store.fax;

import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.store.Db;
import io.todoke.store.cases.CaseJson;
import io.todoke.store.cases.CasePriority;
import io.todoke.store.cases.CaseState;
import io.todoke.store.followup.FollowUpService;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.springframework.beans.factory.annotation.Autowired;
import io.todoke.store.outbox.IndexOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fax side of the system of record: files received, their pages, and the cases read from them. Every
 * method is one committed transaction, so a process killed between two calls resumes from a known state.
 */
@Repository
public class FaxStore {

    public static final String UNCLASSIFIED_REASON = "帳票を判別できません";
    public static final String AUTO_CONFIRM_OFF_REASON = "自動確定は無効です（全件を確認します）";
    public static final String NO_WARD_REASON = "住所から区・市町村を判定できません";
    public static final String SYSTEM = "system";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final String COLUMNS = "id, inbox, file_name, sha256, archive_path, media_type, size_bytes, "
            + "page_count, state, duplicate_of, error, received_at, archived_at, error_path, attempts, warning";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IndexOutbox outbox;
    private final Jurisdiction jurisdiction;
    private FollowUpService followUps;

    public FaxStore(JdbcClient jdbc, PlatformTransactionManager transactions, IndexOutbox outbox,
                    Jurisdiction jurisdiction) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.jurisdiction = jurisdiction;
    }

    /** With the follow-up present, an auto-confirmed case is assigned to its ward's centre as it is stored. */
    @Autowired(required = false)
    public void setFollowUps(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /**
     * Records a file taken from an inbox. The insert into {@code fax_content} (keyed by the hash) is the
     * atomic dedupe, also between several instances on one shared inbox.
     */
    public FaxReceipt receive(String inbox, String fileName, String sha256, long size, String mediaType) {
        Optional<FaxDocument> same = findSameFile(inbox, fileName, sha256);
        if (same.isPresent()) {
            return new FaxReceipt(same.get(), FaxReceipt.Outcome.ALREADY_RECEIVED);
        }
        return receive(new Receipt(inbox, fileName, sha256, size, mediaType, null, null, null));
    }

    /**
     * What a claimed inbox entry is recorded with.
     *
     * @param claimId    the inbox claim it was taken under: the same claim again (taken over after a crash) is
     *                   ALREADY_RECEIVED, anything else with the same content a DUPLICATE receipt
     * @param owner      the instance that will read it (it holds the fax's lease from now on); null for none
     * @param leaseUntil until when the owner's claim holds unless renewed
     */
    public record Receipt(String inbox, String fileName, String sha256, long size, String mediaType, UUID claimId,
                          String owner, OffsetDateTime leaseUntil) {
    }

    /** Records a claimed entry; the insert into {@code fax_content} is the atomic dedupe across instances. */
    public FaxReceipt receive(Receipt r) {
        if (r.claimId() != null) {
            Optional<FaxDocument> same = byClaim(r.claimId());
            if (same.isPresent()) {
                return new FaxReceipt(same.get(), FaxReceipt.Outcome.ALREADY_RECEIVED);
            }
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Db.now();
        try {
            tx.executeWithoutResult(s -> {
                insert(id, r, FaxState.RECEIVED, null, now);
                jdbc.sql("insert into fax_content (sha256, fax_id) values (?, ?)").params(r.sha256(), id).update();
            });
            return new FaxReceipt(find(id).orElseThrow(), FaxReceipt.Outcome.NEW);
        } catch (DuplicateKeyException taken) {
            if (r.claimId() == null) {
                // Another instance on the same shared inbox may have taken this very file at the same moment.
                Optional<FaxDocument> racing = findSameFile(r.inbox(), r.fileName(), r.sha256());
                if (racing.isPresent()) {
                    return new FaxReceipt(racing.get(), FaxReceipt.Outcome.ALREADY_RECEIVED);
                }
            }
            UUID first = firstWithContent(r.sha256());
            tx.executeWithoutResult(s -> insert(id, new Receipt(r.inbox(), r.fileName(), r.sha256(), r.size(),
                    r.mediaType(), r.claimId(), null, null), FaxState.DUPLICATE, first, now));
            return new FaxReceipt(find(id).orElseThrow(), FaxReceipt.Outcome.DUPLICATE);
        }
    }

    /** The fax recorded under an inbox claim, if any. */
    public Optional<FaxDocument> byClaim(UUID claimId) {
        return jdbc.sql("select " + COLUMNS + " from fax_document where claim_id = ? order by received_at")
                .param(claimId).query(FaxStore::fax).list().stream().findFirst();
    }

    /** Records a file that is not a fax (by content) or is empty: FAILED at once, never archived. */
    public FaxDocument reject(String inbox, String fileName, String sha256, long size, String mediaType,
                              String reason) {
        return reject(new Receipt(inbox, fileName, sha256, size, mediaType, null, null, null), reason);
    }

    /**
     * Records an entry that is no fax (by content or kind: empty, another format, a symlink, a FIFO, too large):
     * FAILED at once, never archived. A claimed entry taken over after a crash keeps its first record.
     */
    public FaxDocument reject(Receipt r, String reason) {
        if (r.claimId() != null) {
            Optional<FaxDocument> same = byClaim(r.claimId());
            if (same.isPresent()) {
                return same.get();
            }
        }
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            insert(id, new Receipt(r.inbox(), r.fileName(), r.sha256(), r.size(), r.mediaType(), r.claimId(), null,
                    null), FaxState.FAILED, null, Db.now());
            jdbc.sql("update fax_document set error = ?, archive_path = null where id = ?")
                    .params(truncate(reason), id).update();
        });
        return find(id).orElseThrow();
    }

    /** Flags a fax whose file is suspect although it can be read; shown with the fax and its cases. */
    public void setWarning(UUID faxId, String warning) {
        jdbc.sql("update fax_document set warning = ?, version = version + 1 where id = ?")
                .params(warning == null ? null : warning.length() > 2000 ? warning.substring(0, 2000) : warning, faxId)
                .update();
    }

    /** The original is in the archive at its {@code archivePath}. */
    public void markArchived(UUID faxId) {
        jdbc.sql("update fax_document set archived_at = ?, version = version + 1 where id = ? and archived_at is null")
                .params(Db.now(), faxId).update();
    }

    /** Where the file (or its copy) was put in the error folder, relative to that folder. */
    public void setErrorPath(UUID faxId, String errorPath) {
        jdbc.sql("update fax_document set error_path = ?, version = version + 1 where id = ?")
                .params(errorPath, faxId).update();
    }

    /**
     * Stores what the engine read and creates the cases, in one transaction. Only a RECEIVED fax moves: a
     * second call for the same fax (a resumed read racing the first) changes nothing and returns empty.
     *
     * @param autoConfirm whether forms ready to confirm skip review
     * @return the ids of the cases created
     */
    public List<UUID> markRead(UUID faxId, FaxReading reading, boolean autoConfirm) {
        return markRead(faxId, reading, autoConfirm, null);
    }

    /**
     * As {@link #markRead(UUID, FaxReading, boolean)}, only while {@code owner} holds the fax's claim (null: any):
     * an instance whose lease ran out and was taken over records nothing.
     */
    public List<UUID> markRead(UUID faxId, FaxReading reading, boolean autoConfirm, String owner) {
        return tx.execute(s -> {
            OffsetDateTime now = Db.now();
            int moved = jdbc.sql("update fax_document set state = ?, page_count = ?, read_at = ?, error = null, "
                            + "claimed_by = null, lease_until = null, version = version + 1 where id = ? "
                            + "and state = ? and (cast(? as varchar(200)) is null or claimed_by = ?)")
                    .params(FaxState.READ.name(), reading.pages().size(), now, faxId, FaxState.RECEIVED.name(),
                            owner, owner)
                    .update();
            if (moved == 0) {
                return List.of();
            }
            for (PageClassification page : reading.pages()) {
                PageImage image = reading.images().stream().filter(i -> i.page() == page.page()).findFirst()
                        .orElse(new PageImage(page.page(), new byte[0], 0, 0));
                jdbc.sql("insert into fax_page (fax_id, page_index, kind, template_id, score, rotation, width, "
                                + "height, image_png) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(faxId, page.page(), page.kind().json(), page.templateId(), page.score(),
                                page.rotation(), image.width(), image.height(), image.png())
                        .update();
            }
            // A suspect file (active PDF content) is flagged on each of its cases, and none skips review.
            String warning = jdbc.sql("select warning from fax_document where id = ?").param(faxId)
                    .query(String.class).optional().orElse(null);
            List<UUID> cases = new ArrayList<>();
            for (FormReading form : reading.forms()) {
                cases.add(insertForm(faxId, form, autoConfirm && warning == null, warning, now));
            }
            for (PageClassification page : reading.pages()) {
                if (page.kind() == PageKind.UNKNOWN) {
                    List<String> reasons = warning == null ? List.of(UNCLASSIFIED_REASON)
                            : List.of(UNCLASSIFIED_REASON, warning);
                    cases.add(insertCase(faxId, List.of(page.page()), null, CaseState.AWAITING_REVIEW,
                            Map.of(), reasons, CasePriority.OTHER, null, now));
                }
            }
            return cases;
        });
    }

    /** The engine could not read it (or gave up in time): FAILED with a reason an operator can read. */
    public boolean markFailed(UUID faxId, String reason) {
        return markFailed(faxId, reason, null);
    }

    /** As {@link #markFailed(UUID, String)}, only while {@code owner} holds the fax's claim (null: any). */
    public boolean markFailed(UUID faxId, String reason, String owner) {
        return jdbc.sql("update fax_document set state = ?, error = ?, attempts = attempts + 1, claimed_by = null, "
                        + "lease_until = null, version = version + 1 where id = ? and state = ? "
                        + "and (cast(? as varchar(200)) is null or claimed_by = ?)")
                .params(FaxState.FAILED.name(), truncate(reason), faxId, FaxState.RECEIVED.name(), owner, owner)
                .update() == 1;
    }

    /**
     * Faxes not read a while after they arrived: RECEIVED before {@code before} (waiting, being read, or left by
     * a dead instance), for the admin page.
     */
    public List<FaxDocument> stuck(java.time.Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from fax_document where state = ? and received_at < ? "
                        + "order by received_at fetch first ? rows only")
                .params(FaxState.RECEIVED.name(), Db.at(before), limit).query(FaxStore::fax).list();
    }

    /** An operator sends an archived failed fax back to be read again. */
    public boolean reopen(UUID faxId) {
        return jdbc.sql("update fax_document set state = ?, error = null, error_path = null, claimed_by = null, "
                        + "lease_until = null, version = version + 1 where id = ? and state = ? "
                        + "and archived_at is not null")
                .params(FaxState.RECEIVED.name(), faxId, FaxState.FAILED.name())
                .update() == 1;
    }

    /**
     * An operator put a good file in the error folder in place of a rejected or unreadable one and sends it back:
     * the same record takes the new content under a new archive path (an archived original stays where it is)
     * and is received again, or becomes a DUPLICATE of an earlier fax.
     */
    public FaxReceipt reopenRejected(UUID faxId, String sha256, long size, String mediaType) {
        FaxDocument fax = find(faxId).orElseThrow(() -> new IllegalArgumentException("no fax " + faxId));
        if (fax.state() != FaxState.FAILED) {
            throw new IllegalStateException("fax " + faxId + " has not failed");
        }
        // A replaced archived original keeps its path; the replacement is archived beside it.
        String archivePath = archivePath(faxId, fax.archivePath() == null ? fax.fileName()
                : "r" + (fax.attempts() + 1) + "-" + fax.fileName(), Db.now());
        try {
            tx.executeWithoutResult(s -> {
                reset(faxId, sha256, size, mediaType, archivePath, FaxState.RECEIVED, null);
                jdbc.sql("insert into fax_content (sha256, fax_id) values (?, ?)").params(sha256, faxId).update();
            });
            return new FaxReceipt(find(faxId).orElseThrow(), FaxReceipt.Outcome.NEW);
        } catch (DuplicateKeyException taken) {
            UUID first = firstWithContent(sha256);
            tx.executeWithoutResult(s -> reset(faxId, sha256, size, mediaType, archivePath, FaxState.DUPLICATE,
                    first));
            return new FaxReceipt(find(faxId).orElseThrow(), FaxReceipt.Outcome.DUPLICATE);
        }
    }

    public Optional<FaxDocument> find(UUID faxId) {
        return jdbc.sql("select " + COLUMNS + " from fax_document where id = ?").param(faxId)
                .query(FaxStore::fax).optional();
    }

    /** Faxes whose original is archived but which were never read: what a restart must read again. */
    public List<FaxDocument> receivedAndArchived() {
        return jdbc.sql("select " + COLUMNS + " from fax_document where state = ? and archived_at is not null "
                        + "order by received_at")
                .param(FaxState.RECEIVED.name()).query(FaxStore::fax).list();
    }

    public List<FaxDocument> failed(int limit) {
        return jdbc.sql("select " + COLUMNS + " from fax_document where state = ? order by received_at desc "
                        + "fetch first ? rows only")
                .params(FaxState.FAILED.name(), limit).query(FaxStore::fax).list();
    }

    public List<FaxDocument> all() {
        return jdbc.sql("select " + COLUMNS + " from fax_document order by received_at").query(FaxStore::fax).list();
    }

    public Map<FaxState, Long> countByState() {
        Map<FaxState, Long> counts = new java.util.EnumMap<>(FaxState.class);
        jdbc.sql("select state, count(*) n from fax_document group by state")
                .query(rs -> {
                    counts.put(FaxState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** Archive path of a new fax: dated folders and a name no other file can take. */
    public static String archivePath(UUID faxId, String fileName, OffsetDateTime receivedAt) {
        return receivedAt.format(DAY) + "/" + StoredNames.storedName(faxId, fileName);
    }

    private UUID insertForm(UUID faxId, FormReading form, boolean autoConfirm, String warning, OffsetDateTime now) {
        List<String> reasons = new ArrayList<>(form.messages());
        if (warning != null) {
            reasons.add(warning);
        }
        // A doubtful field's own messages; one without any is marked on its row (低信頼度) and in the count of
        // doubtful fields, which is all a case-wide reason could say of it.
        form.fields().values().stream()
                .filter(f -> f.status().needsReview())
                .flatMap(f -> f.messages().stream())
                .forEach(m -> {
                    if (!reasons.contains(m)) {
                        reasons.add(m);
                    }
                });
        boolean confirm = form.readyToConfirm() && autoConfirm;
        if (form.readyToConfirm() && !autoConfirm && warning == null) {
            reasons.add(AUTO_CONFIRM_OFF_REASON);
        }
        String ward = null;
        var address = form.fields().get("patient_address");
        String text = address == null || address.value() == null ? null : address.value().toString();
        // A postal code of another ward: one of the two is misread or miswritten, and a clerk decides which.
        Optional<String> postalConflict = jurisdiction.postalCodeConflict(text);
        postalConflict.ifPresent(reasons::add);
        if (confirm && postalConflict.isPresent()) {
            confirm = false;
        } else if (confirm) {
            ward = jurisdiction.wardOf(text);
            // Counted under no ward rather than a wrong one: a clerk decides.
            if (ward == null && text != null && !text.isBlank()) {
                confirm = false;
                reasons.add(NO_WARD_REASON);
            }
        }
        UUID id = insertCase(faxId, form.pages(), form,
                confirm ? CaseState.AUTO_CONFIRMED : CaseState.AWAITING_REVIEW, form.fields(), reasons,
                CasePriority.of(form.fields()), ward, now);
        if (confirm) {
            outbox.enqueue(id);
            if (followUps != null) {
                followUps.open(id, SYSTEM);
            }
        }
        return id;
    }

    /** A case of {@code form}'s template, version and disease; {@code form} null for an unclassified page. */
    private UUID insertCase(UUID faxId, List<Integer> pages, FormReading form, CaseState state,
                            Map<String, io.todoke.ocr.FieldReading> fields, List<String> reasons,
                            int priority, String ward, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        boolean confirmed = state == CaseState.AUTO_CONFIRMED;
        jdbc.sql("insert into notification_case (id, fax_id, pages, template_id, template_version, disease, state, "
                        + "fields, review_reasons, patient_name, patient_kana, birth_date, ward, priority, created_at, "
                        + "confirmed_at, confirmed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, faxId, CaseJson.writePages(pages), form == null ? null : form.templateId(),
                        form == null ? null : form.templateVersion(),
                        form == null || form.disease() == null ? null : form.disease().code(), state.name(),
                        CaseJson.writeFields(fields), CaseJson.writeStrings(reasons),
                        text(fields, "patient_name", 200), text(fields, "patient_name_kana", 200),
                        text(fields, "birth_date", 10), ward, priority, now,
                        confirmed ? now : null, confirmed ? SYSTEM : null)
                .update();
        return id;
    }

    private static String text(Map<String, io.todoke.ocr.FieldReading> fields, String key, int max) {
        var f = fields.get(key);
        if (f == null || f.value() == null) {
            return null;
        }
        String s = f.value().toString();
        return s.length() > max ? s.substring(0, max) : s;
    }

    /**
     * The record of this very file (same inbox, name and content), if it was taken before: a restart after a
     * crash finds files that had not yet left the inbox.
     */
    public Optional<FaxDocument> findSameFile(String inbox, String fileName, String sha256) {
        return jdbc.sql("select " + COLUMNS + " from fax_document where sha256 = ? and inbox = ? and file_name = ? "
                        + "order by received_at")
                .params(sha256, inbox, fileName)
                .query(FaxStore::fax).list().stream().findFirst();
    }

    private UUID firstWithContent(String sha256) {
        return jdbc.sql("select fax_id from fax_content where sha256 = ?").param(sha256)
                .query((rs, n) -> Db.uuid(rs, "fax_id")).single();
    }

    private void insert(UUID id, Receipt r, FaxState state, UUID duplicateOf, OffsetDateTime now) {
        jdbc.sql("insert into fax_document (id, inbox, file_name, sha256, archive_path, media_type, size_bytes, "
                        + "state, duplicate_of, received_at, claim_id, claimed_by, lease_until) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, r.inbox(), truncate(r.fileName(), 500), r.sha256(), archivePath(id, r.fileName(), now),
                        r.mediaType(), r.size(), state.name(), duplicateOf, now, r.claimId(), r.owner(),
                        r.leaseUntil())
                .update();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private void reset(UUID id, String sha256, long size, String mediaType, String archivePath, FaxState state,
                       UUID duplicateOf) {
        jdbc.sql("update fax_document set sha256 = ?, size_bytes = ?, media_type = ?, archive_path = ?, state = ?, "
                        + "duplicate_of = ?, error = null, error_path = null, attempts = attempts + 1, "
                        + "archived_at = null, claimed_by = null, lease_until = null, "
                        + "version = version + 1 where id = ?")
                .params(sha256, size, mediaType, archivePath, state.name(), duplicateOf, id)
                .update();
    }

    private static String truncate(String reason) {
        String r = reason == null ? "不明なエラー" : reason;
        return r.length() > 4000 ? r.substring(0, 4000) : r;
    }

    static FaxDocument fax(ResultSet rs, int row) throws SQLException {
        return new FaxDocument(Db.uuid(rs, "id"), rs.getString("inbox"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getString("archive_path"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getInt("page_count"), FaxState.valueOf(rs.getString("state")),
                Db.uuid(rs, "duplicate_of"), rs.getString("error"), Db.instant(rs, "received_at"),
                Db.instant(rs, "archived_at"), rs.getString("error_path"), rs.getInt("attempts"),
                rs.getString("warning"));
    }
}
