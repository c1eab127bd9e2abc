package io.todoke.intake.storage;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code storage}: DOWN when the archive or error folder stops being writable or loses its cluster marker. */
public class SharedStorageHealthIndicator implements HealthIndicator {

    private final SharedStorageCheck check;

    public SharedStorageHealthIndicator(SharedStorageCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        try {
            List<String> problems = check.problems();
            return problems.isEmpty() ? Health.up().build() : Health.down().withDetail("problems", problems).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("problems", List.of(String.valueOf(e.getMessage()))).build();
        }
    }
}
