package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage who may sign in: create, edit, disable and enable users and reset
 * their passwords. There is always at least one enabled administrator, every change is
 * audited, and a user whose access is taken away loses their open sessions at once.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class UserAdministration {

    public static final String ENTITY = "AppUser";

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final SignInThrottle signInThrottle;

    /** Every user, optionally only one role and only enabled or disabled ones, by display name. */
    @Transactional(readOnly = true)
    public List<UserRow> list(Viewer admin, Role role, Boolean enabled) {
        requireAdmin(admin);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (role != null) {
            where.append(" AND u.role = ?");
            args.add(role.name());
        }
        if (enabled != null) {
            where.append(" AND u.enabled = ?");
            args.add(enabled);
        }
        return jdbc.query("""
                SELECT u.id, u.username, u.display_name, u.role, u.region, u.enabled, u.password_change_required,
                       (SELECT COUNT(*) FROM customer c WHERE c.owner_id = u.id AND c.deleted = FALSE) AS owned
                FROM app_user u WHERE %s ORDER BY u.display_name, u.id""".formatted(where),
                (rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("region"), rs.getBoolean("enabled"),
                        rs.getBoolean("password_change_required"), rs.getLong("owned")), args.toArray());
    }

    @Transactional(readOnly = true)
    public AppUser get(Viewer admin, long id) {
        requireAdmin(admin);
        return find(id);
    }

    /** The new user must choose their own password at first sign-in, whichever way theirs was set. */
    public CreatedUser create(Viewer admin, NewUser command) {
        requireAdmin(admin);
        String username = command.username().strip();
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new UsernameTakenException(username);
        }
        boolean generated = command.initialPassword() == null || command.initialPassword().isEmpty();
        String password = generated ? TemporaryPasswords.generate() : command.initialPassword();
        PasswordPolicy.check(password);
        AppUser user = users.saveAndFlush(AppUser.invited(username, passwordEncoder.encode(password),
                command.displayName(), command.role(), command.region()));
        audit.created(admin.username(), ENTITY, user.getId(), null);
        // the role granted is what matters most about a new account, so it is on record too
        audit.fieldChanged(admin.username(), ENTITY, user.getId(), null, "role", null, user.getRole());
        return new CreatedUser(user.getId(), user.getUsername(), generated ? password : null);
    }

    /**
     * The first administrator of an empty database, from the deployment's settings: nobody is
     * signed in to ask, and the password is the operator's own, so no change is forced.
     */
    public void createFirstAdministrator(String username, String password) {
        String name = username.strip();
        users.saveAndFlush(new AppUser(name, passwordEncoder.encode(password), name, Role.ADMIN, null));
    }

    /**
     * Saves display name, role and region if nobody saved the user since {@code version} was
     * loaded. A new role takes effect at once: the user's sessions end and they sign in again.
     */
    public void update(Viewer admin, long id, long version, UserChanges changes) {
        requireAdmin(admin);
        List<AppUser> enabledAdmins = users.lockEnabledByRole(Role.ADMIN);
        AppUser user = find(id);
        if (user.getVersion() != version) {
            throw new StaleUserException(id);
        }
        boolean roleChanges = changes.role() != user.getRole();
        if (roleChanges && isLastAdmin(user, enabledAdmins)) {
            throw new LastAdminException();
        }
        UserChanges before = UserChanges.of(user);
        user.changeDisplayName(changes.displayName());
        user.changeRole(changes.role());
        user.moveToRegion(changes.region());
        audit.changed(admin.username(), ENTITY, id, null, before, UserChanges.of(user));
        if (roleChanges) {
            events.publishEvent(new AccessRevoked(user.getUsername()));
        }
    }

    /** The user can no longer sign in, and whatever they have open ends with their next click. */
    public void disable(Viewer admin, long id) {
        requireAdmin(admin);
        List<AppUser> enabledAdmins = users.lockEnabledByRole(Role.ADMIN);
        AppUser user = find(id);
        if (user.getId() == admin.userId()) {
            throw new OwnAccountException("disable");
        }
        if (!user.isEnabled()) {
            return;
        }
        if (isLastAdmin(user, enabledAdmins)) {
            throw new LastAdminException();
        }
        user.disable();
        audit.fieldChanged(admin.username(), ENTITY, id, null, "enabled", true, false);
        events.publishEvent(new AccessRevoked(user.getUsername()));
    }

    public void enable(Viewer admin, long id) {
        requireAdmin(admin);
        AppUser user = find(id);
        if (user.isEnabled()) {
            return;
        }
        user.enable();
        audit.fieldChanged(admin.username(), ENTITY, id, null, "enabled", false, true);
    }

    /**
     * Gives the user a new temporary password (returned, to be shown once): the old one stops
     * working, open sessions end, and they must choose their own at next sign-in.
     */
    public String resetPassword(Viewer admin, long id) {
        requireAdmin(admin);
        AppUser user = find(id);
        if (user.getId() == admin.userId()) {
            throw new OwnAccountException("reset password");
        }
        String temporary = TemporaryPasswords.generate();
        user.resetPassword(passwordEncoder.encode(temporary));
        // the old password's guesses say nothing about the new one: the user signs in with it at once
        signInThrottle.clear(user.getUsername());
        audit.performed(admin.username(), "PASSWORD_RESET", ENTITY, id);
        events.publishEvent(new AccessRevoked(user.getUsername()));
        return temporary;
    }

    /** The user's failed sign-ins that still make them wait, for the edit page. */
    @Transactional(readOnly = true)
    public SignInFailures signInFailures(Viewer admin, long id) {
        requireAdmin(admin);
        return signInThrottle.of(find(id).getUsername());
    }

    /**
     * Lifts every sign-in wait of the user, from every address, e.g. when they call from the
     * office while someone elsewhere keeps guessing. Audited even when there was nothing to lift,
     * because the request itself is worth knowing about.
     */
    public void clearSignInDelays(Viewer admin, long id) {
        requireAdmin(admin);
        AppUser user = find(id);
        signInThrottle.clear(user.getUsername());
        audit.performed(admin.username(), "SIGN_IN_DELAYS_CLEARED", ENTITY, id);
    }

    private static boolean isLastAdmin(AppUser user, List<AppUser> enabledAdmins) {
        return user.isEnabledAdmin() && enabledAdmins.size() <= 1;
    }

    private AppUser find(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("manage users");
        }
    }
}
