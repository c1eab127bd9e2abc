package io.todoke.intake.claim;

import io.todoke.intake.IntakeInstance;

import io.todoke.intake.IntakeProperties;
import io.todoke.intake.pickup.InboxScanner;
import io.todoke.intake.read.OcrQueue;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.InboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps this instance's claims alive and takes over work nobody alive holds: inbox entries whose claim expired,
 * and archived faxes waiting to be read that are unclaimed or whose holder's lease ran out (a dead instance's,
 * an earlier run's). Runs periodically, not only at start-up, so a dead instance's work is done by the others
 * within about one lease.
 */
public class ClaimKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimKeeper.class);

    private final IntakeInstance instance;
    private final FaxLeases leases;
    private final InboxClaims inboxClaims;
    private final InboxScanner scanner;
    private final OcrQueue queue;
    private final Map<String, IntakeProperties.Inbox> inboxes;
    private int renewFailures;
    private int scanFailures;

    public ClaimKeeper(IntakeInstance instance, FaxLeases leases, InboxClaims inboxClaims, InboxScanner scanner,
                       OcrQueue queue, List<IntakeProperties.Inbox> inboxes) {
        this.instance = instance;
        this.leases = leases;
        this.inboxClaims = inboxClaims;
        this.scanner = scanner;
        this.queue = queue;
        this.inboxes = inboxes.stream().collect(Collectors.toMap(IntakeProperties.Inbox::name, Function.identity()));
    }

    /** Renews every claim this instance holds (faxes waiting or being read, inbox entries being taken). */
    public void renew() {
        try {
            leases.renew(instance.id(), instance.lease());
            inboxClaims.renew(instance.id(), instance.lease());
            if (renewFailures > 0) {
                LOG.info("claims renewed again after {} failed tries", renewFailures);
                renewFailures = 0;
            }
        } catch (RuntimeException e) {
            if (renewFailures++ == 0) {
                LOG.warn("claims could not be renewed ({}); other instances take them over once they expire",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Takes over what nobody alive holds; returns how many faxes and inbox entries. */
    public int takeOver() {
        try {
            int taken = takeOverInboxClaims() + takeOverFaxes();
            if (scanFailures > 0) {
                LOG.info("claims looked at again after {} failed tries", scanFailures);
                scanFailures = 0;
            }
            return taken;
        } catch (RuntimeException e) {
            if (scanFailures++ == 0) {
                LOG.warn("expired claims could not be looked for ({}); trying again", e.getClass().getSimpleName());
            }
            return 0;
        }
    }

    /** Inbox entries whose claim expired (its holder died, or a failed try waits to be tried again). */
    public int takeOverInboxClaims() {
        int taken = 0;
        for (InboxClaims.Claim claim : inboxClaims.expired(20)) {
            IntakeProperties.Inbox inbox = inboxes.get(claim.inbox());
            if (inbox != null && inboxClaims.takeOver(claim.id(), instance.id(), instance.lease())) {
                if (!instance.id().equals(claim.claimedBy())) {
                    LOG.info("inbox {} claim {} taken over from {}", claim.inbox(), claim.id(), claim.claimedBy());
                }
                scanner.resume(claim, inbox);
                taken++;
            }
        }
        return taken;
    }

    /** Archived faxes waiting to be read that nobody alive holds, as many as the queue has room for. */
    public int takeOverFaxes() {
        int room = queue.capacity() - queue.depth();
        if (room <= 0) {
            return 0;
        }
        int faxes = 0;
        for (UUID faxId : leases.takeable(room)) {
            if (leases.claim(faxId, instance.id(), instance.lease())) {
                queue.submit(faxId);
                faxes++;
            }
        }
        if (faxes > 0) {
            LOG.info("took over {} fax(es) waiting to be read that no live instance held", faxes);
        }
        return faxes;
    }
}
