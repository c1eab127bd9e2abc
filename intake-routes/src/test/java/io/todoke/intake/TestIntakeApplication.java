package io.todoke.intake;

import io.todoke.ocr.FaxReader;
import io.todoke.store.fax.FaxState;
import io.todoke.store.fax.FaxStore;
import io.todoke.store.fax.InboxClaims;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

/**
 * The smallest application around the intake: a database, Camel, and {@link TruthFaxReader} as the engine.
 * Its {@code main} is the child process of the crash test; with {@code --todoke.test.exit-when-idle=true} it
 * stops by itself once the inboxes are empty and no fax waits to be read.
 */
@SpringBootApplication
public class TestIntakeApplication {

    @Bean
    FaxReader faxReader() {
        return new TruthFaxReader();
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(TestIntakeApplication.class, args);
        if (!Boolean.parseBoolean(context.getEnvironment().getProperty("todoke.test.exit-when-idle"))) {
            return;
        }
        FaxStore faxes = context.getBean(FaxStore.class);
        IntakeProperties properties = context.getBean(IntakeProperties.class);
        int idle = 0;
        while (idle < 4) {
            Thread.sleep(500);
            boolean inboxesEmpty = properties.inboxes().stream().allMatch(i -> isEmpty(i.path()));
            boolean nothingToRead = faxes.countByState().getOrDefault(FaxState.RECEIVED, 0L) == 0
                    && context.getBean(InboxClaims.class).open() == 0;
            idle = inboxesEmpty && nothingToRead ? idle + 1 : 0;
        }
        context.close();
        System.exit(0);
    }

    private static boolean isEmpty(java.nio.file.Path dir) {
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }
}
