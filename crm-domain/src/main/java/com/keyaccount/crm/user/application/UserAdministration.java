package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.org.OrgUnitNotFoundException;
import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
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
 * Administrators manage who may sign in: create, edit, disable and enable users (their passwords
 * and sign-in waits: {@link SignInAdministration}). There is always at least one enabled
 * administrator, every change is audited, and a user whose access is taken away loses their open
 * sessions at once.
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
    private final Organisation organisation;

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
                       (SELECT COUNT(*) FROM customer c WHERE c.owner_id = u.id AND c.deleted = FALSE) AS owned,
                       o.name AS unit
                FROM app_user u LEFT JOIN org_unit o ON o.id = u.unit_id
                WHERE %s ORDER BY u.display_name, u.id""".formatted(where),
                (rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("region"), rs.getBoolean("enabled"),
                        rs.getBoolean("password_change_required"), rs.getLong("owned"), rs.getString("unit")),
                args.toArray());
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
        String unit = unitPath(command.unitId());
        AppUser invited = AppUser.invited(username, passwordEncoder.encode(password), command.displayName(),
                command.role(), command.region());
        invited.placeIn(command.unitId());
        AppUser user = users.saveAndFlush(invited);
        audit.created(admin.username(), ENTITY, user.getId(), null);
        // the role granted is what matters most about a new account, so it is on record too
        audit.fieldChanged(admin.username(), ENTITY, user.getId(), null, "role", null, user.getRole());
        if (unit != null) {
            audit.fieldChanged(admin.username(), ENTITY, user.getId(), null, "unit", null, unit);
        }
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
        if (roleChanges && changes.role().servesTeams() && customersOwned(id) > 0) {
            // customer service and marketing see no book of their own: the customers would be nobody's to see
            throw new BookNotHandedOverException(id);
        }
        String unitAfter = unitPath(changes.unitId());
        Audited before = audited(user, organisation.path(user.getUnitId()).orElse(null));
        user.changeDisplayName(changes.displayName());
        user.changeRole(changes.role());
        user.moveToRegion(changes.region());
        // a move re-scopes the user and their managers at their next request: scopes are read per request
        user.placeIn(changes.unitId());
        audit.changed(admin.username(), ENTITY, id, null, before, audited(user, unitAfter));
        if (roleChanges) {
            events.publishEvent(new AccessRevoked(user.getUsername()));
        }
    }

    /**
     * The user can no longer sign in, and whatever they have open ends with their next click.
     * Refused while they own customers: {@link Departures} hands their book over first.
     */
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
        if (customersOwned(id) > 0) {
            throw new BookNotHandedOverException(id);
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

    /** The customers the user owns (not deleted). */
    @Transactional(readOnly = true)
    public long customersOwned(long id) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted = FALSE", Long.class,
                id);
        return n == null ? 0 : n;
    }

    /** The unit's path for the audit log; a unit that does not exist is refused. */
    private String unitPath(Long unitId) {
        if (unitId == null) {
            return null;
        }
        return organisation.path(unitId).orElseThrow(() -> new OrgUnitNotFoundException(unitId));
    }

    /** What the audit log records of a user: the unit by its path, not its number. */
    public record Audited(String displayName, Role role, String region, String unit) {
    }

    private static Audited audited(AppUser user, String unit) {
        return new Audited(user.getDisplayName(), user.getRole(), user.getRegion(), unit);
    }

    private static boolean isLastAdmin(AppUser user, List<AppUser> enabledAdmins) {
        return user.isEnabledAdmin() && enabledAdmins.size() <= 1;
    }

    private AppUser find(long id) {
        return AdminAccess.find(users, id);
    }

    private static void requireAdmin(Viewer viewer) {
        AdminAccess.require(viewer);
    }
}
