package io.todoke.intake.read;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.todoke.intake.IntakeMetrics;
import io.todoke.intake.storage.FaxFolders;
import io.todoke.intake.pickup.PickupHarness;
import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxLeases;
import io.todoke.store.fax.FaxState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.todoke.intake.FaxFixtures.patient;
import static io.todoke.intake.FaxFixtures.pdf;
import static io.todoke.intake.FaxFixtures.truth;
import static org.assertj.core.api.Assertions.assertThat;

/** The reading worker's engine threads and its respect for other instances' claims. */
class FaxReadingWorkerTest {

    @TempDir
    Path root;

    private PickupHarness h;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        h = new PickupHarness(root, Map.of("todoke.intake.stability.min-age", "0s"));
    }

    @AfterEach
    void close() {
        release.countDown();
        h.close();
    }

    private List<UUID> received(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Files.write(h.inbox().resolve("f" + i + ".pdf"), pdf(truth("worker-" + i, patient("患者", 20 + i))));
        }
        h.poll();
        assertThat(h.toRead).hasSize(n);
        return List.copyOf(h.toRead);
    }

    /** An engine that ignores interruption until the test ends (the worst a native call can do). */
    private FaxReader stubborn() {
        return file -> {
            boolean done = false;
            while (!done) {
                try {
                    done = release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException ignored) {
                    // Deliberately not honoured.
                }
            }
            throw new IllegalStateException("released");
        };
    }

    private FaxReadingWorker worker(FaxReader reader, String instance) {
        return new FaxReadingWorker(h.faxes, new FaxLeases(h.jdbc), new FaxFolders(h.properties), reader,
                new IntakeMetrics(new SimpleMeterRegistry()),
                new io.todoke.intake.IntakeInstance(instance, Duration.ofSeconds(60)), Duration.ofMillis(200),
                true, 1);
    }

    private static long engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("fax-engine-")).count();
    }

    @Test
    void engineThreadsStayBoundedWhenReadsHangAndIgnoreInterruption() throws Exception {
        List<UUID> faxes = received(3);
        h.jdbc.sql("update fax_document set claimed_by = null").update();
        FaxReadingWorker worker = worker(stubborn(), "w");
        long before = engineThreads();

        worker.read(faxes.get(0));
        worker.read(faxes.get(1));
        Thread third = new Thread(() -> worker.read(faxes.get(2)));
        third.start();
        third.join(1000);

        assertThat(third.isAlive()).as("the third read waits for an abandoned engine thread").isTrue();
        assertThat(engineThreads() - before).as("at most two per worker: one reading, one abandoned").isEqualTo(2);
        assertThat(worker.abandonedThreads()).isEqualTo(2);
        assertThat(h.faxes.find(faxes.get(0)).orElseThrow().state()).isEqualTo(FaxState.FAILED);
        release.countDown();
        third.join(10_000);
        assertThat(third.isAlive()).isFalse();
    }

    /**
     * The engine keeps a Tesseract instance (tens of MB of native memory) per thread that reads: a new thread per
     * fax grew the application by that much per fax (about 80 MB a fax in the soak, past 6 GB of RSS at 70 faxes).
     */
    @Test
    void faxesAreReadOnTheWorkersFewEngineThreadsNotOnANewThreadPerFax() throws Exception {
        List<UUID> faxes = received(6);
        h.jdbc.sql("update fax_document set claimed_by = null").update();
        java.util.Set<Thread> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
        io.todoke.intake.TruthFaxReader truth = new io.todoke.intake.TruthFaxReader();
        FaxReadingWorker worker = worker(file -> {
            used.add(Thread.currentThread());
            return truth.read(file);
        }, "w");

        faxes.forEach(worker::read);

        assertThat(faxes).allSatisfy(id -> assertThat(h.faxes.find(id).orElseThrow().state()).isEqualTo(FaxState.READ));
        assertThat(used).as("engine threads of a one-worker reader").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aFaxAnotherLiveInstanceHoldsIsNeitherReadNorFailed() throws Exception {
        UUID fax = received(1).get(0);
        FaxReadingWorker other = worker(file -> {
            throw new AssertionError("read although another instance holds it");
        }, "other-instance");

        assertThat(other.read(fax)).isEmpty();
        assertThat(h.faxes.find(fax).orElseThrow().state()).isEqualTo(FaxState.RECEIVED);
    }

    @Test
    void aTimedOutReadIsNotMarkedFailedOnceAnotherInstanceTookTheFaxOver() throws Exception {
        UUID fax = received(1).get(0);
        FaxReader slowAndOvertaken = file -> {
            // Meanwhile this instance's lease ran out and another instance claimed the fax.
            h.jdbc.sql("update fax_document set claimed_by = 'other-instance' where id = ?").param(fax).update();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        FaxReadingWorker worker = worker(slowAndOvertaken, h.instance.id());

        worker.read(fax);

        FaxDocument after = h.faxes.find(fax).orElseThrow();
        assertThat(after.state()).isEqualTo(FaxState.RECEIVED);
        assertThat(after.error()).isNull();
    }

    @Test
    void aStoppingInstanceGivesUpItsWaitingFaxesSoOthersNeedNotWaitForTheLease() throws Exception {
        List<UUID> faxes = received(2);
        FaxReadingWorker stopping = worker(stubborn(), h.instance.id());

        stopping.close();

        FaxLeases leases = new FaxLeases(h.jdbc);
        assertThat(leases.takeable(10)).containsExactlyInAnyOrderElementsOf(faxes);
        assertThat(stopping.read(faxes.get(0))).isEmpty();
        assertThat(leases.claim(faxes.get(0), "other-instance", Duration.ofSeconds(60))).isTrue();
    }
}
