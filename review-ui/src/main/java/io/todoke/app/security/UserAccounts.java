package io.todoke.app.security;

import io.todoke.store.jurisdiction.Jurisdiction;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users of the web application, in app_user; passwords only as BCrypt hashes. There is always an enabled
 * administrator: the last one cannot be disabled, and nobody disables themselves. Bad input is refused with a
 * Japanese reason ({@link IllegalArgumentException}).
 */
@Service
public class UserAccounts implements UserDetailsService {

    public static final Set<String> ROLES = Set.of("CLERK", "STAFF", "ADMIN");
    /** The roles as the pages name them. */
    public static final Map<String, String> ROLE_LABELS = Map.of("CLERK", "確認担当", "STAFF", "職員", "ADMIN", "管理者");
    static final int MIN_PASSWORD = 8;

    /** A row of app_user without its hash. */
    public record Account(String username, String displayName, List<String> roles, String ward, boolean enabled) {
        public List<String> roleLabels() {
            return roles.stream().map(r -> ROLE_LABELS.getOrDefault(r, r)).toList();
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Jurisdiction jurisdiction;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, Jurisdiction jurisdiction) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.jurisdiction = jurisdiction;
    }

    /** The wards a staff member can be bound to: the configured jurisdiction's wards, as intake counts them. */
    public List<String> wards() {
        return jurisdiction.wards();
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

    /** Is there an enabled user with this role? Disabled administrators cannot sign in, so they do not count. */
    public boolean anyEnabledWithRole(String role) {
        return list().stream().anyMatch(a -> a.enabled() && a.roles().contains(role));
    }

    /** True when the account exists and was disabled: its open sessions must stop working. */
    public boolean isDisabled(String username) {
        return jdbc.sql("select enabled from app_user where username = :u").param("u", username)
                .query(Boolean.class).optional().map(enabled -> !enabled).orElse(false);
    }

    /** Creates a user; the password is stored only as its hash. */
    @Transactional
    public void create(String username, String password, String displayName, List<String> roles, String ward) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new IllegalArgumentException("ユーザー名は半角英数字・記号 ._- の2〜100文字です");
        }
        checkPassword(password);
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("役割を選んでください");
        }
        String w = ward == null || ward.isBlank() ? null : ward;
        if (w != null && !jurisdiction.isWard(w)) {
            throw new IllegalArgumentException("区は一覧から選んでください");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("ユーザー " + username + " は既にあります");
        }
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, roles, ward, enabled, created_at)
                        values (:u, :h, :d, :r, :w, true, :at)""")
                .param("u", username).param("h", encoder.encode(password))
                .param("d", displayName == null || displayName.isBlank() ? username : displayName)
                .param("r", String.join(",", roles)).param("w", w)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /**
     * Enables or disables a user on behalf of {@code actor}. The last enabled administrator stays enabled, and
     * nobody disables their own account (that is how a single administrator used to lock everyone out).
     */
    @Transactional
    public void setEnabled(String username, boolean enabled, String actor) {
        if (find(username).isEmpty()) {
            throw new IllegalArgumentException("ユーザー " + username + " はありません");
        }
        if (enabled) {
            jdbc.sql("update app_user set enabled = true where username = :u").param("u", username).update();
            return;
        }
        if (username.equals(actor)) {
            throw new IllegalArgumentException("自分のアカウントは無効にできません");
        }
        // The guard is in the update itself, so two administrators disabling each other cannot both succeed.
        int updated = jdbc.sql("""
                        update app_user set enabled = false where username = :u
                        and (roles not like '%ADMIN%' or (select count(*) from app_user o
                             where o.enabled = true and o.roles like '%ADMIN%' and o.username <> :u) > 0)""")
                .param("u", username).update();
        if (updated == 0) {
            throw new IllegalArgumentException("最後の有効な管理者は無効にできません（先に別の管理者を有効にしてください）");
        }
    }

    /** The user's own change: the current password first, then the new one twice. */
    @Transactional
    public void changePassword(String username, String current, String password, String repeated) {
        String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).optional().orElseThrow(() -> new IllegalArgumentException("ユーザーがありません"));
        if (current == null || !encoder.matches(current, hash)) {
            throw new IllegalArgumentException("現在のパスワードが違います");
        }
        setPassword(username, password, repeated);
    }

    /** An administrator's reset of another user's password (the user should change it after signing in). */
    @Transactional
    public void resetPassword(String username, String password, String repeated) {
        if (find(username).isEmpty()) {
            throw new IllegalArgumentException("ユーザー " + username + " はありません");
        }
        setPassword(username, password, repeated);
    }

    /** Sets the password without the checks above: the first administrator's configured or generated one. */
    @Transactional
    void enableWithPassword(String username, String password) {
        jdbc.sql("update app_user set enabled = true, password_hash = :h where username = :u")
                .param("h", encoder.encode(password)).param("u", username).update();
    }

    private void setPassword(String username, String password, String repeated) {
        checkPassword(password);
        if (!password.equals(repeated)) {
            throw new IllegalArgumentException("新しいパスワードが一致しません（2回同じものを入力してください）");
        }
        jdbc.sql("update app_user set password_hash = :h where username = :u")
                .param("h", encoder.encode(password)).param("u", username).update();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("パスワードは" + MIN_PASSWORD + "文字以上にしてください");
        }
    }

    private static List<String> roles(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
