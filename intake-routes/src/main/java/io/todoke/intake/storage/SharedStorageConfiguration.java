package io.todoke.intake.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.todoke.intake.IntakeProperties;

/**
 * The shared-storage check, run while the application starts (before any route takes a file), and its health
 * component. {@code todoke.intake.shared-storage-check=false} skips it (the {@code --reindex} run, which needs no
 * folders).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "todoke.intake.shared-storage-check", havingValue = "true", matchIfMissing = true)
public class SharedStorageConfiguration {

    @Bean
    SharedStorageCheck sharedStorageCheck(JdbcClient jdbc, IntakeProperties properties) {
        SharedStorageCheck check = new SharedStorageCheck(jdbc, properties.archiveDir(), properties.errorDir());
        check.verifyAtStartup();
        return check;
    }

    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    SharedStorageHealthIndicator storageHealthIndicator(SharedStorageCheck check) {
        return new SharedStorageHealthIndicator(check);
    }
}
