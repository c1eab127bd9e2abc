package io.todoke.app.security;

import io.todoke.app.TodokeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The first administrator, so a fresh installation can be signed into, and in the demo profile the demo users.
 * No production password lives in the repository: without configuration a random one is generated and logged once.
 * When every administrator is disabled, the configured one is enabled again (with that password) at start-up.
 */
@Component
@Order(0)
public class InitialUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final UserAccounts accounts;
    private final TodokeProperties properties;

    public InitialUsers(UserAccounts accounts, TodokeProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        TodokeProperties.Security security = properties.security();
        if (security.demoUsers()) {
            createDemo("clerk", "clerk-demo", "確認 花子", List.of("CLERK"), null);
            createDemo("clerk2", "clerk2-demo", "確認 次郎", List.of("CLERK"), null);
            createDemo("staff", "staff-demo", "保健 太郎", List.of("STAFF"), null);
            // A staff member bound to a ward: the last of the configured city's (Kobe's 西区 in the demo).
            List<String> wards = accounts.wards();
            if (!wards.isEmpty()) {
                String ward = wards.get(wards.size() - 1);
                createDemo("staff-ward", "staff-demo", ward + " 職員", List.of("STAFF"), ward);
            }
            createDemo("admin", "admin-demo", "管理者", List.of("ADMIN", "CLERK", "STAFF"), null);
        }
        // Only an enabled administrator can sign in and fix the rest: disabled ones do not count.
        if (!accounts.anyEnabledWithRole("ADMIN")) {
            String username = security.initialAdmin().username();
            String password = security.initialAdmin().password();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                byte[] bytes = new byte[12];
                new SecureRandom().nextBytes(bytes);
                password = HexFormat.of().formatHex(bytes);
            }
            boolean existed = accounts.find(username).isPresent();
            if (existed) {
                accounts.enableWithPassword(username, password);
            } else {
                accounts.create(username, password, "管理者", List.of("ADMIN"), null);
            }
            String what = existed ? "Enabled again the administrator '{}' (no other enabled administrator)"
                    : "Created the first administrator '{}'";
            if (generated) {
                log.warn(what + " with the generated password {} - sign in and change it at /account/password; "
                        + "it is not shown again (set todoke.security.initial-admin.password to choose one)", username, password);
            } else {
                log.info(what + " with the configured password", username);
            }
        }
    }

    private void createDemo(String username, String password, String name, List<String> roles, String ward) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, password, name, roles, ward);
            log.info("Demo user {} / {} ({})", username, password, String.join(",", roles));
        }
    }
}
