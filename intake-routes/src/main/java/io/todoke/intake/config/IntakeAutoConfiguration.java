package io.todoke.intake.config;

import io.todoke.intake.IntakeProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.index.CaseDocuments;
import io.todoke.intake.index.IndexOutboxDrainer;
import io.todoke.intake.index.IndexOutboxRoutes;
import io.todoke.intake.index.ReindexService;
import io.todoke.intake.ops.FaxRetryService;
import io.todoke.intake.ops.InboxHealthIndicator;
import io.todoke.intake.storage.FaxFolders;
import io.todoke.intake.pickup.FaxPickup;
import io.todoke.intake.pickup.PickupRoutes;
import io.todoke.intake.read.FaxReadingWorker;
import io.todoke.intake.claim.ClaimKeeper;
import io.todoke.intake.claim.ClaimRoutes;
import io.todoke.intake.IntakeInstance;
import io.todoke.intake.ops.IntakeHealthIndicator;
import io.todoke.intake.pickup.InboxScanner;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.InboxClaims;
import io.todoke.intake.read.OcrQueue;
import io.todoke.intake.read.OcrRoutes;
import io.todoke.intake.storage.SharedStorageConfiguration;
import io.todoke.ocr.FaxReader;
import io.todoke.search.CaseIndex;
import io.todoke.store.cases.CaseStore;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.followup.FollowUpFacts;
import io.todoke.store.jurisdiction.Jurisdiction;
import io.todoke.store.outbox.IndexOutbox;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The intake: inbox pickup routes, the OCR worker pool, the index outbox drainer, retry and reindex. Needs a
 * DataSource (migrated by Flyway) and a {@link FaxReader} bean; the outbox drainer and reindex also need a
 * {@link CaseIndex}. {@code todoke.intake.enabled=false} turns it all off.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class},
        // The outbox drainer and reindex are conditional on the CaseIndex that the search auto-configuration defines.
        afterName = "io.todoke.search.config.SearchAutoConfiguration")
// Jurisdiction is also enabled by the app; enabling it twice registers it once.
@EnableConfigurationProperties({IntakeProperties.class, Jurisdiction.class})
@ConditionalOnProperty(name = "todoke.intake.enabled", havingValue = "true", matchIfMissing = true)
@Import(SharedStorageConfiguration.class)
public class IntakeAutoConfiguration {

    @Bean
    H2Durability h2Durability(DataSource dataSource) {
        return new H2Durability(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    IndexOutbox indexOutbox(JdbcClient jdbc, PlatformTransactionManager transactions, IntakeProperties properties) {
        IndexOutbox outbox = new IndexOutbox(jdbc, transactions);
        outbox.setBackOff(properties.outbox().firstBackOff(), properties.outbox().maxBackOff());
        return outbox;
    }

    @Bean
    @ConditionalOnMissingBean
    FaxStore faxStore(JdbcClient jdbc, PlatformTransactionManager transactions, IndexOutbox outbox,
                      Jurisdiction jurisdiction) {
        return new FaxStore(jdbc, transactions, outbox, jurisdiction);
    }

    @Bean
    @ConditionalOnMissingBean
    CaseStore caseStore(JdbcClient jdbc) {
        return new CaseStore(jdbc);
    }

    @Bean
    IntakeMetrics intakeMetrics(ObjectProvider<MeterRegistry> registry) {
        return new IntakeMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FaxFolders faxFolders(IntakeProperties properties) {
        try {
            for (Path dir : new Path[] {properties.archiveDir(), properties.errorDir(), properties.workDir()}) {
                Files.createDirectories(dir);
            }
            for (IntakeProperties.Inbox inbox : properties.inboxes()) {
                Files.createDirectories(inbox.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the intake folders: " + e.getMessage(), e);
        }
        FaxFolders folders = new FaxFolders(properties);
        folders.cleanWork();
        return folders;
    }

    @Bean
    @ConditionalOnMissingBean
    IntakeInstance intakeInstance(IntakeProperties properties) {
        return new IntakeInstance(properties.claims().instanceId(), properties.claims().lease());
    }

    @Bean
    @ConditionalOnMissingBean
    InboxClaims inboxClaims(JdbcClient jdbc) {
        return new InboxClaims(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    FaxLeases faxLeases(JdbcClient jdbc) {
        return new FaxLeases(jdbc);
    }

    @Bean
    OcrQueue ocrQueue(CamelContext camel, IntakeProperties properties, IntakeMetrics metrics) {
        OcrQueue queue = new OcrQueue(camel, properties.queueCapacity(), properties.effectiveWorkers());
        metrics.queueDepth(queue::depth);
        return queue;
    }

    @Bean
    FaxPickup faxPickup(FaxStore faxes, FaxFolders folders, IntakeMetrics metrics, IntakeInstance instance,
                        IntakeProperties properties) {
        return new FaxPickup(faxes, folders, metrics, instance, properties.maxFileSize().toBytes());
    }

    @Bean
    InboxScanner inboxScanner(IntakeProperties properties, InboxClaims claims, FaxPickup pickup, OcrQueue queue,
                              IntakeInstance instance, IntakeMetrics metrics) {
        return new InboxScanner(properties, claims, pickup, queue::submit, instance, metrics, InstantSource.system());
    }

    @Bean
    ClaimKeeper claimKeeper(IntakeInstance instance, FaxLeases leases, InboxClaims claims, InboxScanner scanner,
                            OcrQueue queue, IntakeProperties properties) {
        return new ClaimKeeper(instance, leases, claims, scanner, queue, properties.inboxes());
    }

    @Bean
    PickupRoutes pickupRoutes(IntakeProperties properties, InboxScanner scanner) {
        return new PickupRoutes(properties, scanner);
    }

    @Bean
    ClaimRoutes claimRoutes(IntakeProperties properties, ClaimKeeper keeper) {
        return new ClaimRoutes(properties, keeper, properties.resumeOnStartup());
    }

    @Bean(destroyMethod = "close")
    FaxReadingWorker faxReadingWorker(FaxStore faxes, FaxLeases leases, FaxFolders folders, FaxReader reader,
                                      IntakeMetrics metrics, IntakeInstance instance, IntakeProperties properties) {
        return new FaxReadingWorker(faxes, leases, folders, reader, metrics, instance, properties.readTimeout(),
                properties.autoConfirm(), properties.effectiveWorkers());
    }

    @Bean
    OcrRoutes ocrRoutes(OcrQueue queue, FaxReadingWorker worker) {
        return new OcrRoutes(queue, worker);
    }

    @Bean
    FaxRetryService faxRetryService(FaxStore faxes, FaxLeases leases, FaxFolders folders, OcrQueue queue,
                                    IntakeInstance instance, IntakeProperties properties) {
        return new FaxRetryService(faxes, leases, folders, queue, instance, properties.maxFileSize().toBytes());
    }

    @Bean
    IntakeHealthIndicator intakeHealthIndicator(IntakeProperties properties, InboxScanner scanner, OcrQueue queue,
                                                FaxReadingWorker worker) {
        return new IntakeHealthIndicator(properties, scanner::lastPolls, queue::depth, worker::lastRead,
                worker::abandonedThreads, InstantSource.system());
    }

    @Bean
    InboxHealthIndicator inboxesHealthIndicator(IntakeProperties properties) {
        return new InboxHealthIndicator(properties);
    }

    @Bean
    @ConditionalOnBean(CaseIndex.class)
    IndexOutboxDrainer indexOutboxDrainer(IndexOutbox outbox, CaseStore cases, CaseIndex index, IntakeMetrics metrics,
                                          IntakeProperties properties, Jurisdiction jurisdiction,
                                          ObjectProvider<FollowUpFacts> followUps) {
        metrics.outboxPending(outbox::pending);
        return new IndexOutboxDrainer(outbox, cases, index, documents(jurisdiction, followUps), metrics,
                properties.outbox().batch());
    }

    @Bean
    @ConditionalOnBean(IndexOutboxDrainer.class)
    IndexOutboxRoutes indexOutboxRoutes(IntakeProperties properties, IndexOutboxDrainer drainer) {
        return new IndexOutboxRoutes(properties.outbox(), drainer);
    }

    @Bean
    @ConditionalOnBean(CaseIndex.class)
    ReindexService reindexService(CaseStore cases, CaseIndex index, Jurisdiction jurisdiction,
                                  ObjectProvider<FollowUpFacts> followUps) {
        return new ReindexService(cases, index, documents(jurisdiction, followUps));
    }

    /** Documents carry the ward's follow-up (status, assignee, stay) where the application has one. */
    private static CaseDocuments documents(Jurisdiction jurisdiction, ObjectProvider<FollowUpFacts> followUps) {
        FollowUpFacts facts = followUps.getIfAvailable();
        return facts == null ? new CaseDocuments(jurisdiction) : new CaseDocuments(jurisdiction, facts::of);
    }
}
