package io.todoke.intake.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2 delays writing committed transactions by 500 ms by default: a process killed in that window loses them,
 * while the files they describe are already archived and gone from the inbox (the crash test lost faxes that
 * way). The intake therefore sets the write delay to 0 on an H2 database. PostgreSQL needs nothing.
 */
public class H2Durability implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(H2Durability.class);

    private final DataSource dataSource;

    public H2Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            LOG.debug("H2: commits are written at once (WRITE_DELAY 0)");
        }
    }
}
