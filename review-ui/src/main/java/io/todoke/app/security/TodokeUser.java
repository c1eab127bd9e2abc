package io.todoke.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** A signed-in user: the ward bounds what a staff member sees (null = city-wide). */
public class TodokeUser extends User {

    private static final long serialVersionUID = 1L;

    private final String displayName;
    private final String ward;

    public TodokeUser(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                      String displayName, String ward) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
        this.ward = ward;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getWard() {
        return ward;
    }

    public boolean cityWide() {
        return ward == null || ward.isBlank();
    }

    /** May this user see a case of this ward? Unconfirmed cases have no ward and are for city-wide users only. */
    public boolean maySee(String caseWard) {
        return cityWide() || ward.equals(caseWard);
    }
}
