package io.todoke.app;

import io.todoke.intake.index.ReindexService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * The Todoke application: intake routes, review, search and administration in one process.
 * {@code --reindex} rebuilds the search index from the database (the system of record) and exits.
 */
@SpringBootApplication(scanBasePackages = "io.todoke")
@ConfigurationPropertiesScan("io.todoke.app")
public class TodokeApplication {

    private static final Logger log = LoggerFactory.getLogger(TodokeApplication.class);

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--reindex")) {
            System.exit(reindex(args));
        }
        SpringApplication.run(TodokeApplication.class, args);
    }

    private static int reindex(String[] args) {
        SpringApplication app = new SpringApplication(TodokeApplication.class);
        // No web server, no inbox watching: only the database and the search cluster.
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--reindex")).toArray(String[]::new);
        String[] withIntakeOff = Arrays.copyOf(rest, rest.length + 2);
        withIntakeOff[rest.length] = "--camel.main.auto-startup=false";
        withIntakeOff[rest.length + 1] = "--camel.springboot.auto-startup=false";
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
            log.error("Reindex failed: {}", e.getMessage(), e);
            return 1;
        }
    }
}
