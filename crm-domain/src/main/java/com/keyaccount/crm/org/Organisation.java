package com.keyaccount.crm.org;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin builds the organisation: units added, renamed, moved and deleted, each in the audit
 * log. The one class that writes {@code org_unit}. A unit's people keep their place when it
 * moves, and their managers' scopes follow at the next request (scopes are read per request).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class Organisation {

    public static final String ENTITY = "OrgUnit";

    private final OrgUnitRepository units;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** One unit as the chart shows it: its depth in the tree, its people, and the customers owned in its branch. */
    public record Node(long id, Long parentId, String name, UnitKind kind, long version, int depth,
            List<Member> members, long customers) {
    }

    public record Member(long id, String displayName, Role role, boolean enabled) {
    }

    /** The whole tree, depth first, siblings by name, with the customers owned in each branch. */
    @Transactional(readOnly = true)
    public List<Node> chart() {
        return chart(true);
    }

    /** As {@link #chart()} without counting customers (a read of the whole book): for choices and boards. */
    @Transactional(readOnly = true)
    public List<Node> tree() {
        return chart(false);
    }

    private List<Node> chart(boolean countCustomers) {
        Map<Long, List<Member>> members = new HashMap<>();
        jdbc.sql("SELECT id, display_name, role, enabled, unit_id FROM app_user WHERE unit_id IS NOT NULL"
                + " ORDER BY enabled DESC, display_name")
                .query((rs, n) -> members.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                        .add(new Member(rs.getLong("id"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                                rs.getBoolean("enabled"))))
                .list();
        Map<Long, Long> customers = new HashMap<>();
        if (countCustomers) {
            jdbc.sql("""
                    SELECT u.unit_id, COUNT(*) AS n FROM customer c JOIN app_user u ON u.id = c.owner_id
                    WHERE c.deleted = FALSE AND u.unit_id IS NOT NULL GROUP BY u.unit_id""")
                    .query((rs, n) -> customers.put(rs.getLong("unit_id"), rs.getLong("n"))).list();
        }
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        OrgUnit root = null;
        for (OrgUnit unit : units.findAllByOrderByName()) {
            if (unit.getParentId() == null) {
                root = unit;
            } else {
                children.computeIfAbsent(unit.getParentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        List<Node> out = new ArrayList<>();
        if (root != null) {
            walk(root, 0, children, members, customers, out);
        }
        return out;
    }

    /** Adds the unit and its branch depth first; returns the customers owned in the branch. */
    private static long walk(OrgUnit unit, int depth, Map<Long, List<OrgUnit>> children,
            Map<Long, List<Member>> members, Map<Long, Long> customers, List<Node> out) {
        int at = out.size();
        out.add(null);
        long owned = customers.getOrDefault(unit.getId(), 0L);
        // siblings come by name: the units were read in that order
        for (OrgUnit child : children.getOrDefault(unit.getId(), List.of())) {
            owned += walk(child, depth + 1, children, members, customers, out);
        }
        out.set(at, new Node(unit.getId(), unit.getParentId(), unit.getName(), unit.getKind(), unit.getVersion(), depth,
                members.getOrDefault(unit.getId(), List.of()), owned));
        return owned;
    }

    /** The unit and the units below it, from a chart (which lists every unit right after the units above it). */
    public static List<Node> branch(List<Node> chart, long top) {
        List<Node> branch = new ArrayList<>();
        for (Node n : chart) {
            if (branch.isEmpty() ? n.id() == top : n.depth() > branch.get(0).depth()) {
                branch.add(n);
            } else if (!branch.isEmpty()) {
                break;
            }
        }
        return branch;
    }

    /** One unit with its people (its branch's customers are not counted: the chart does that). */
    @Transactional(readOnly = true)
    public Optional<Node> node(long id) {
        return tree().stream().filter(n -> n.id() == id).findFirst();
    }

    /** The unit's name with those above it, "公司 / 江苏省 / 南京区": how a user's place is shown and audited. */
    @Transactional(readOnly = true)
    public Optional<String> path(Long unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        Map<Long, OrgUnit> byId = new HashMap<>();
        units.findAll().forEach(u -> byId.put(u.getId(), u));
        OrgUnit unit = byId.get(unitId);
        if (unit == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (OrgUnit u = unit; u != null && names.size() <= byId.size(); u = byId.get(u.getParentId())) {
            names.add(0, u.getName());
        }
        return Optional.of(String.join(" / ", names));
    }

    public OrgUnit add(Viewer admin, long parentId, String name, UnitKind kind) {
        requireAdmin(admin);
        OrgUnit parent = find(parentId);
        String clean = UnitNames.check(name);
        if (units.existsByParentIdAndNameIgnoreCase(parentId, clean)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.NAME_TAKEN);
        }
        OrgUnit unit = units.saveAndFlush(new OrgUnit(parent, clean, kind, clock.instant()));
        audit.created(admin.username(), ENTITY, unit.getId(), null, "name", path(unit.getId()).orElse(clean));
        return unit;
    }

    /**
     * Renames the unit and moves it, with its units and people, below another (the same parent:
     * no move); never below itself or its own units, and the company neither moves nor changes level.
     */
    public void change(Viewer admin, long id, long version, String name, Long newParentId) {
        requireAdmin(admin);
        OrgUnit unit = current(id, version);
        String clean = UnitNames.check(name);
        long parentId = unit.isCompany() || newParentId == null ? nullToZero(unit.getParentId()) : newParentId;
        if (unit.isCompany() && newParentId != null) {
            throw new OrgRefusedException(OrgRefusedException.Reason.COMPANY);
        }
        boolean moves = !unit.isCompany() && parentId != unit.getParentId();
        OrgUnit parent = moves ? find(parentId) : null;
        if (moves && OrgTree.below(units.findAll(), id).contains(parentId)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.CYCLE);
        }
        boolean renames = !clean.equals(unit.getName());
        boolean sameNameElsewhere = moves || !clean.equalsIgnoreCase(unit.getName());
        if ((renames || moves) && sameNameElsewhere && !unit.isCompany()
                && units.existsByParentIdAndNameIgnoreCase(parentId, clean)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.NAME_TAKEN);
        }
        if (renames) {
            audit.fieldChanged(admin.username(), ENTITY, id, null, "name", unit.getName(), clean);
            unit.rename(clean);
        }
        if (moves) {
            String before = path(unit.getParentId()).orElse("");
            unit.moveUnder(parent);
            units.flush();
            audit.fieldChanged(admin.username(), ENTITY, id, null, "parent", before, path(parentId).orElse(""));
        }
        units.flush();
    }

    private static long nullToZero(Long id) {
        return id == null ? 0L : id;
    }

    /**
     * Deletes an empty unit. Refused while units hang below it or its people own customers (their
     * books must go elsewhere first); people without customers move up to the parent unit.
     */
    public void delete(Viewer admin, long id, long version) {
        requireAdmin(admin);
        OrgUnit unit = current(id, version);
        if (unit.isCompany()) {
            throw new OrgRefusedException(OrgRefusedException.Reason.COMPANY);
        }
        if (units.existsByParentId(id)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.HAS_UNITS);
        }
        long owned = jdbc.sql("""
                SELECT COUNT(*) FROM customer c JOIN app_user u ON u.id = c.owner_id
                WHERE u.unit_id = ? AND c.deleted = FALSE""").param(id).query(Long.class).single();
        if (owned > 0) {
            throw new OrgRefusedException(OrgRefusedException.Reason.OWNS_CUSTOMERS);
        }
        String before = path(id).orElse(unit.getName());
        String parent = path(unit.getParentId()).orElse("");
        events.publishEvent(new UnitDissolved(id, unit.getParentId(), admin.username(), before, parent));
        units.delete(unit);
        units.flush();
        audit.deleted(admin.username(), ENTITY, id, null, "name", before);
    }

    private OrgUnit current(long id, long version) {
        OrgUnit unit = find(id);
        if (unit.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(OrgUnit.class, id);
        }
        return unit;
    }

    private OrgUnit find(long id) {
        return units.findById(id).orElseThrow(() -> new OrgUnitNotFoundException(id));
    }

    static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("build the organisation");
        }
    }
}
