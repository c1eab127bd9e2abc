package io.todoke.intake.pickup;

import io.todoke.intake.config.IntakeProperties;
import io.todoke.intake.read.OcrQueue;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;

import java.io.File;

/**
 * One route per inbox ({@code pickup-<name>}). The read lock is Camel's {@code idempotent-changed}: a file is
 * taken once it has stopped changing, and the claim is recorded in the shared database, so several instances
 * on one shared folder each take a different file. The file is deleted from the inbox only when the route has
 * committed the fax record and the archive copy.
 */
public class PickupRoutes extends RouteBuilder {

    public static final String LOCKS = "todokeInboxLocks";
    public static final String IN_PROGRESS = "todokeInboxInProgress";

    private final IntakeProperties properties;
    private final FaxPickup pickup;
    private final OcrQueue queue;

    public PickupRoutes(IntakeProperties properties, FaxPickup pickup, OcrQueue queue) {
        this.properties = properties;
        this.pickup = pickup;
        this.queue = queue;
    }

    @Override
    public void configure() {
        for (IntakeProperties.Inbox inbox : properties.inboxes()) {
            from(uri(inbox))
                    .routeId("pickup-" + inbox.name())
                    .process(e -> {
                        GenericFile<?> file = e.getIn().getBody(GenericFile.class);
                        pickup.take(inbox.name(), ((File) file.getFile()).toPath(), file.getFileNameOnly())
                                .ifPresent(queue::submit);
                    });
        }
    }

    String uri(IntakeProperties.Inbox inbox) {
        IntakeProperties.Stability s = properties.stability();
        StringBuilder uri = new StringBuilder("file:").append(inbox.path().toAbsolutePath())
                .append("?autoCreate=true&delete=true&idempotent=false&sortBy=file:modified")
                .append("&delay=").append(properties.pollDelay().toMillis())
                .append("&readLock=idempotent-changed&idempotentRepository=#").append(LOCKS)
                // Named explicitly: otherwise Camel autowires the only IdempotentRepository bean (the shared
                // read locks) as the in-progress list too, and its cleanup deletes other instances' locks.
                .append("&inProgressRepository=#").append(IN_PROGRESS)
                .append("&readLockRemoveOnCommit=true&readLockRemoveOnRollback=false")
                .append("&readLockMinLength=0")
                .append("&readLockMinAge=").append(s.minAge().toMillis())
                .append("&readLockCheckInterval=").append(s.checkInterval().toMillis())
                .append("&readLockTimeout=").append(Math.max(10_000, s.minAge().toMillis() * 3))
                .append("&readLockLoggingLevel=DEBUG")
                .append("&exclude=RAW(.*\\.(reason\\.txt|part|tmp)$)");
        if (s.doneMarker() != null && !s.doneMarker().isBlank()) {
            uri.append("&doneFileName=${file:name}").append(s.doneMarker());
        }
        return uri.toString();
    }
}
