package io.todoke.intake;

import io.todoke.ocr.FaxReader;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fax through the intake with the real OCR engine ({@code io.todoke.ocr.engine.TodokeEngine}). Runs once the
 * engine is on the classpath; until it lands, JUnit reports it as skipped by its condition.
 */
@CamelSpringBootTest
@EnabledIf("engineOnClasspath")
@SpringBootTest(classes = {TestIntakeApplication.class, RealEngineIntakeTest.Engine.class}, properties = {
        "spring.main.allow-bean-definition-overriding=true",
        "todoke.intake.workers=1",
        "todoke.intake.poll-delay=100ms",
        "todoke.intake.stability.min-age=300ms",
})
class RealEngineIntakeTest {

    static final String ENGINE = "io.todoke.ocr.engine.TodokeEngine";
    static final String CONFIG = "io.todoke.ocr.engine.EngineConfig";

    static boolean engineOnClasspath() {
        try {
            Class.forName(ENGINE);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The engine as the application builds it: its default configuration. */
    @TestConfiguration
    static class Engine {
        @Bean
        FaxReader faxReader() throws ReflectiveOperationException {
            Class<?> config = Class.forName(CONFIG);
            Object defaults = config.getMethod("defaults").invoke(null);
            return (FaxReader) Class.forName(ENGINE).getConstructor(config).newInstance(defaults);
        }
    }

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("todoke.intake.inboxes[0].name", () -> "fax");
        registry.add("todoke.intake.inboxes[0].path", () -> root.resolve("inbox"));
        registry.add("todoke.intake.archive-dir", () -> root.resolve("archive"));
        registry.add("todoke.intake.error-dir", () -> root.resolve("error"));
        registry.add("todoke.intake.work-dir", () -> root.resolve("work"));
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + root.resolve("db/todoke"));
    }

    @Autowired
    FaxStore faxes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFaxIsReadByTheRealEngineAndItsPagesKept() throws Exception {
        byte[] blankPage;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            blankPage = out.toByteArray();
        }
        FaxFixtures.drop(root.resolve("inbox"), "blank.pdf", blankPage);

        long end = System.nanoTime() + 120_000_000_000L;
        Optional<FaxDocument> fax = Optional.empty();
        while (System.nanoTime() < end) {
            fax = faxes.all().stream().filter(f -> f.state() != FaxState.RECEIVED).findFirst();
            if (fax.isPresent()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(fax).as("the fax was read").isPresent();
        assertThat(fax.get().state()).as(String.valueOf(fax.get().error())).isEqualTo(FaxState.READ);
        assertThat(jdbc.sql("select count(*) from fax_page where fax_id = ?").param(fax.get().id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
