package io.todoke.app;

import io.todoke.intake.index.ReindexService;
import io.todoke.search.node.LocalElasticsearchException;
import io.todoke.store.jurisdiction.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * The Todoke application: intake routes, review, search and administration in one process.
 * {@code --reindex} rebuilds the search index from the database (the system of record) and exits.
 */
@SpringBootApplication(scanBasePackages = "io.todoke")
@ConfigurationPropertiesScan("io.todoke.app")
// Also enabled by the intake's auto-configuration (for intake-only contexts); enabling it twice registers it once.
@EnableConfigurationProperties(Jurisdiction.class)
public class TodokeApplication {

    private static final Logger log = LoggerFactory.getLogger(TodokeApplication.class);

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--reindex")) {
            System.exit(reindex(args));
        }
        SpringApplication.run(TodokeApplication.class, args);
    }

    private static boolean localNodeHeldElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LocalElasticsearchException
                    && String.valueOf(t.getMessage()).startsWith("Another Todoke process runs a local Elasticsearch")) {
                return true;
            }
        }
        return false;
    }

    private static int reindex(String[] args) {
        SpringApplication app = new SpringApplication(TodokeApplication.class);
        // No web server, no inbox watching: only the database and the search cluster.
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--reindex")).toArray(String[]::new);
        String[] withIntakeOff = Arrays.copyOf(rest, rest.length + 3);
        withIntakeOff[rest.length] = "--camel.main.auto-startup=false";
        withIntakeOff[rest.length + 1] = "--camel.springboot.auto-startup=false";
        // Reindexing reads the database only; it may run where the archive is not mounted.
        withIntakeOff[rest.length + 2] = "--todoke.intake.shared-storage-check=false";
        try (ConfigurableApplicationContext context = app.run(withIntakeOff)) {
            ReindexService reindex = context.getBeanProvider(ReindexService.class).getIfAvailable();
            if (reindex == null) {
                log.error("Cannot reindex: no search cluster is configured (search.elasticsearch.enabled=false?)");
                return 2;
            }
            long n = reindex.reindex();
            log.info("Reindexed {} case(s) from the database", n);
            return 0;
        } catch (RuntimeException e) {
            if (localNodeHeldElsewhere(e)) {
                // The running app owns its node: it rebuilds the index itself (admin page 運用, or its API).
                log.error("Cannot reindex from a second process: Todoke is running with its own Elasticsearch node. "
                        + "Rebuild the index in the running application instead (管理: 運用 → 検索索引を再構築する, "
                        + "POST /admin/operations/reindex), or stop it and run --reindex again.");
                return 3;
            }
            log.error("Reindex failed: {}", e.getMessage(), e);
            return 1;
        }
    }
}
