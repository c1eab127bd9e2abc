package io.todoke.app.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users of the web application, in app_user; passwords only as BCrypt hashes. */
@Service
public class UserAccounts implements UserDetailsService {

    public static final Set<String> ROLES = Set.of("CLERK", "STAFF", "ADMIN");

    /** A row of app_user without its hash. */
    public record Account(String username, String displayName, List<String> roles, String ward, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public TodokeUser loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, display_name, roles, ward, enabled from app_user where username = :u")
                .param("u", username)
                .query((rs, n) -> new TodokeUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        roles(rs.getString("roles")).stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(),
                        rs.getString("display_name"), rs.getString("ward")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public List<Account> list() {
        return jdbc.sql("select username, display_name, roles, ward, enabled from app_user order by username")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"),
                        roles(rs.getString("roles")), rs.getString("ward"), rs.getBoolean("enabled")))
                .list();
    }

    public Optional<Account> find(String username) {
        return list().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    public boolean anyWithRole(String role) {
        return list().stream().anyMatch(a -> a.roles().contains(role));
    }

    /** Creates a user; the password is stored only as its hash. */
    @Transactional
    public void create(String username, String password, String displayName, List<String> roles, String ward) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new IllegalArgumentException("ユーザー名は半角英数字・記号 ._- の2〜100文字です");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("パスワードは8文字以上にしてください");
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("役割を選んでください");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("ユーザー " + username + " は既にあります");
        }
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, roles, ward, enabled, created_at)
                        values (:u, :h, :d, :r, :w, true, :at)""")
                .param("u", username).param("h", encoder.encode(password))
                .param("d", displayName == null || displayName.isBlank() ? username : displayName)
                .param("r", String.join(",", roles)).param("w", ward == null || ward.isBlank() ? null : ward)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where username = :u").param("e", enabled).param("u", username).update();
    }

    private static List<String> roles(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
