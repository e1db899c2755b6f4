package com.keyaccount.crm.security;

import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.SignInAccount;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it; {@link #viewer()} is what use cases get.
 * Equal by username, so the session registry files every session of one user under one
 * principal, whatever changed about them since each sign-in.
 */
public record CrmUser(long id, String username, String passwordHash, String displayName, Role role,
        boolean enabled, boolean passwordChangeRequired) implements UserDetails {

    public CrmUser(long id, String username, String passwordHash, String displayName, Role role, boolean enabled) {
        this(id, username, passwordHash, displayName, role, enabled, false);
    }

    static CrmUser of(SignInAccount account) {
        return new CrmUser(account.id(), account.username(), account.passwordHash(), account.displayName(),
                account.role(), account.enabled(), account.passwordChangeRequired());
    }

    public Viewer viewer() {
        return new Viewer(id, username, role, displayName);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrmUser user && username.equals(user.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "CrmUser[" + username + ", " + role + "]";
    }
}
