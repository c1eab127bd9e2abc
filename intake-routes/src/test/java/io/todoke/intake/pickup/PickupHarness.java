package io.todoke.intake.pickup;

import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.intake.storage.FaxFolders;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.IntakeInstance;
import io.todoke.intake.IntakeProperties;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.fax.InboxClaims;
import io.todoke.store.outbox.IndexOutbox;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pickup without Spring or Camel: an H2 database, real folders under {@code root}, and a clock the test moves,
 * so stability windows are judged without waiting.
 */
public final class PickupHarness implements AutoCloseable {

    public final Path root;
    public final HikariDataSource dataSource;
    public final JdbcClient jdbc;
    public final FaxStore faxes;
    public final InboxClaims claims;
    public final IntakeProperties properties;
    public final IntakeInstance instance;
    public final FaxPickup pickup;
    public final InboxScanner scanner;
    public final List<UUID> toRead = new ArrayList<>();
    public Instant now = Instant.parse("2026-01-05T01:00:00Z");

    public PickupHarness(Path root, Map<String, String> settings) {
        this.root = root;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:pickup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
        // Pickup derives no ward: no jurisdiction needed.
        faxes = new FaxStore(jdbc, tx, new IndexOutbox(jdbc, tx), new Jurisdiction(null, null, null));
        claims = new InboxClaims(jdbc);
        Map<String, String> all = new HashMap<>(Map.of(
                "todoke.intake.inboxes[0].name", "fax",
                "todoke.intake.inboxes[0].path", root.resolve("inbox").toString(),
                "todoke.intake.archive-dir", root.resolve("archive").toString(),
                "todoke.intake.error-dir", root.resolve("error").toString(),
                "todoke.intake.work-dir", root.resolve("work").toString(),
                "todoke.intake.claims.scan-interval", "1ms"));
        all.putAll(settings);
        properties = new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("todoke.intake",
                IntakeProperties.class);
        instance = new IntakeInstance("test-instance", Duration.ofSeconds(60));
        IntakeMetrics metrics = new IntakeMetrics(new SimpleMeterRegistry());
        pickup = new FaxPickup(faxes, new FaxFolders(properties), metrics, instance,
                properties.maxFileSize().toBytes());
        InstantSource clock = () -> now;
        scanner = new InboxScanner(properties, claims, pickup, toRead::add, instance, metrics, clock);
        try {
            java.nio.file.Files.createDirectories(inbox());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path error() {
        return root.resolve("error");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public void poll() {
        scanner.poll(properties.inboxes().get(0));
    }

    /** Polls, lets the stability window pass, and polls again. */
    public void pollSettled() {
        poll();
        now = now.plus(properties.stability().minAge()).plusSeconds(1);
        poll();
    }

    public List<FaxDocument> all() {
        return faxes.all();
    }

    public FaxDocument only(String receivedName) {
        List<FaxDocument> found = all().stream().filter(f -> f.fileName().equals(receivedName)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " records of " + receivedName + ": " + all());
        }
        return found.get(0);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
