package io.todoke.intake;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * This instance as the shared database knows it: the name on its claims and how long a claim lasts unless renewed.
 *
 * @param id    unique among the instances alive at one time (host, process and a random suffix by default)
 * @param lease how long a claim holds without renewal
 */
public record IntakeInstance(String id, Duration lease) {

    public IntakeInstance {
        if (id == null || id.isBlank()) {
            id = defaultId();
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("todoke.intake.claims.lease must be positive");
        }
    }

    static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        String id = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 200 ? id.substring(id.length() - 200) : id;
    }
}
