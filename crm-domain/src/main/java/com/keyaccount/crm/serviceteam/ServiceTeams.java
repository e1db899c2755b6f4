package com.keyaccount.crm.serviceteam;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service team per account (重点客户服务团队, seed 000): whoever sees the account sees its team;
 * the owner, their supervisors and directors add and remove members, each change in the audit log.
 * Members see the account at their next request (scopes are read per request). The one class
 * that writes {@code service_member}.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ServiceTeams {

    public static final String ENTITY = "ServiceMember";

    /** Who may join a team: the people who serve accounts, not supervisors or directors (they see it anyway). */
    private static final Set<Role> JOINING = Set.of(Role.ACCOUNT_MANAGER, Role.CUSTOMER_SERVICE, Role.MARKETING);

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ServiceTeam of(Viewer viewer, long customerId) {
        return of(viewer, customers.get(viewer, customerId));
    }

    /** The team of a customer the caller has already checked the viewer sees. */
    @Transactional(readOnly = true)
    public ServiceTeam of(Viewer viewer, Customer customer) {
        long customerId = customer.getId();
        long ownerId = customer.getOwner().getId();
        ServiceTeam.Person owner = new ServiceTeam.Person(ownerId, customer.getOwner().getDisplayName(),
                customer.getOwner().getRole());
        List<ServiceTeam.Member> members = jdbc.sql("""
                SELECT u.id, u.display_name, u.role, m.added_at, m.added_by FROM service_member m
                JOIN app_user u ON u.id = m.user_id WHERE m.customer_id = ? ORDER BY u.display_name, u.id""")
                .param(customerId).query((rs, n) -> new ServiceTeam.Member(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        // the supervising managers of the owner's unit and every unit above it
        List<ServiceTeam.Person> supervisors = jdbc.sql("""
                WITH RECURSIVE above (id) AS (
                    SELECT unit_id FROM app_user WHERE id = ? AND unit_id IS NOT NULL
                    UNION ALL
                    SELECT o.parent_id FROM org_unit o JOIN above a ON o.id = a.id WHERE o.parent_id IS NOT NULL)
                SELECT u.id, u.display_name, u.role FROM app_user u JOIN above a ON u.unit_id = a.id
                WHERE u.role IN ('REGIONAL_MANAGER', 'PROVINCE_MANAGER') AND u.enabled = TRUE AND u.id <> ?
                ORDER BY u.display_name, u.id""").params(ownerId, ownerId)
                .query((rs, n) -> new ServiceTeam.Person(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list();
        return new ServiceTeam(customerId, owner, members, supervisors, mayChange(viewer, customer));
    }

    /**
     * Whom the viewer may name on a joint visit (协访) to the customer: the people of its team —
     * owner, members, supervising managers — who still work here, less the viewer.
     */
    @Transactional(readOnly = true)
    public List<ServiceTeam.Person> colleagues(Viewer viewer, Customer customer) {
        ServiceTeam team = of(viewer, customer);
        Map<Long, ServiceTeam.Person> people = new LinkedHashMap<>();
        people.put(team.owner().id(), team.owner());
        team.members().forEach(m -> people.put(m.id(), new ServiceTeam.Person(m.id(), m.displayName(), m.role())));
        team.supervisors().forEach(p -> people.put(p.id(), p));
        people.remove(viewer.userId());
        if (people.isEmpty()) {
            return List.of();
        }
        Set<Long> enabled = Set.copyOf(jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND id IN (%s)"
                .formatted(people.keySet().stream().map(String::valueOf).collect(Collectors.joining(","))))
                .query(Long.class).list());
        return people.values().stream().filter(p -> enabled.contains(p.id())).toList();
    }

    /** Whom the team may take in: enabled people who serve accounts, not the owner, not already on it. */
    @Transactional(readOnly = true)
    public List<ServiceTeam.Person> candidates(Customer customer) {
        long customerId = customer.getId();
        return jdbc.sql("""
                SELECT u.id, u.display_name, u.role FROM app_user u
                WHERE u.enabled = TRUE AND u.role IN ('ACCOUNT_MANAGER', 'CUSTOMER_SERVICE', 'MARKETING') AND u.id <> ?
                  AND NOT EXISTS (SELECT 1 FROM service_member m WHERE m.customer_id = ? AND m.user_id = u.id)
                ORDER BY u.role, u.display_name, u.id""").params(customer.getOwner().getId(), customerId)
                .query((rs, n) -> new ServiceTeam.Person(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list();
    }

    /** Adds the person to the team; {@code userId} null (nobody chosen) is refused once the customer is checked. */
    public void add(Viewer viewer, long customerId, Long userId) {
        Customer customer = changeable(viewer, customerId);
        if (userId == null) {
            throw new ServiceTeamRefusedException(0);
        }
        record Joining(String displayName, String role, boolean enabled) {
        }
        Joining joining = jdbc.sql("SELECT display_name, role, enabled FROM app_user WHERE id = ?").param(userId)
                .query((rs, n) -> new Joining(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional()
                .filter(j -> j.enabled() && JOINING.contains(Role.valueOf(j.role())))
                .filter(j -> userId.longValue() != customer.getOwner().getId())
                .orElseThrow(() -> new ServiceTeamRefusedException(userId));
        boolean already = jdbc.sql("SELECT COUNT(*) FROM service_member WHERE customer_id = ? AND user_id = ?")
                .params(customerId, userId).query(Long.class).single() > 0;
        if (already) {
            return;
        }
        jdbc.sql("INSERT INTO service_member (customer_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)")
                .params(customerId, userId, Timestamp.from(clock.instant()), viewer.username()).update();
        audit.created(viewer.username(), ENTITY, userId, customerId, "member", joining.displayName());
    }

    public void remove(Viewer viewer, long customerId, long userId) {
        changeable(viewer, customerId);
        String name = jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId).query(String.class)
                .optional().orElse(null);
        int removed = jdbc.sql("DELETE FROM service_member WHERE customer_id = ? AND user_id = ?")
                .params(customerId, userId).update();
        if (removed > 0) {
            audit.deleted(viewer.username(), ENTITY, userId, customerId, "member", name);
        }
    }

    private Customer changeable(Viewer viewer, long customerId) {
        Customer customer = customers.get(viewer, customerId);
        if (!mayChange(viewer, customer)) {
            throw new NotPermittedException("change the service team");
        }
        return customer;
    }

    /** The owner, their supervisors and directors: those who see the owner's whole book. */
    private static boolean mayChange(Viewer viewer, Customer customer) {
        return viewer.canSee(customer.getOwner().getId());
    }
}
