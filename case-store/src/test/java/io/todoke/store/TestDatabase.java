package io.todoke.store;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real database for persistence tests: an H2 file database always, and PostgreSQL when
 * {@code TODOKE_TEST_POSTGRES_URL} is set (scripts/test-postgres.sh; the Makefile sets it). Each instance is
 * empty and migrated.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL = System.getenv("TODOKE_TEST_POSTGRES_URL");

    private final String name;
    private final String url;
    private HikariDataSource dataSource;

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** The databases to run against; tells on stdout when PostgreSQL is skipped. */
    public static Stream<TestDatabase> all() {
        List<TestDatabase> dbs = new ArrayList<>();
        dbs.add(h2());
        if (POSTGRES_URL == null || POSTGRES_URL.isBlank()) {
            System.out.println("PostgreSQL skipped: TODOKE_TEST_POSTGRES_URL is not set (scripts/test-postgres.sh)");
        } else {
            dbs.add(new TestDatabase("PostgreSQL", POSTGRES_URL));
        }
        return dbs.stream();
    }

    public static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("todoke-h2");
            dir.toFile().deleteOnExit();
            return new TestDatabase("H2", "jdbc:h2:file:" + dir.resolve("todoke") + ";DB_CLOSE_DELAY=-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens the pool, empties the schema and applies the migrations. */
    public TestDatabase open() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setMaximumPoolSize(10);
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return this;
    }

    /** Opens the pool, empties the schema and applies the migrations up to {@code version} only. */
    public TestDatabase openAt(String version) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setMaximumPoolSize(10);
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false).target(version).load();
        flyway.clean();
        flyway.migrate();
        return this;
    }

    /** Applies the migrations not applied yet. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public DataSourceTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
