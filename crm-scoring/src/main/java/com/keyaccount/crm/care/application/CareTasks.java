package com.keyaccount.crm.care.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.care.application.CareTask.State;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care task use cases: what is due for someone, and marking a task given (with the gift and its
 * cost), skipped (with a reason), handed to a colleague, approved or rejected. A task is the
 * business of its customer's owner and its assignee; directors and admins see every task.
 */
@Service
@Transactional(readOnly = true)
public class CareTasks {

    static final String ENTITY = "CareTask";
    /** Tasks listed on My day; the page says how many more there are. */
    public static final int MY_DAY_ROWS = 20;

    private final JdbcClient jdbc;
    private final CareTaskStore store;
    private final CarePolicies policies;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    CareTasks(JdbcClient jdbc, CareTaskStore store, CarePolicies policies, AuditTrail audit, Clock clock,
            ZoneId businessZone) {
        this.jdbc = jdbc;
        this.store = store;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** The first tasks still to do (open or waiting for approval) and how many there are. */
    public record Due(List<CareTask> tasks, long total) {
    }

    /**
     * An assignee's tasks still to do, soonest occasion first: one query on the index of
     * assignee and state, the count riding along.
     */
    public Due dueFor(long assigneeId) {
        long[] total = {0};
        // the first rows and the count of all picked first, the contact and assignee joined to those
        // rows only: a manager of 33k customers has some 800 open tasks, each joined before the cut
        List<CareTask> tasks = jdbc.sql("SELECT " + CareTask.COLUMNS + ", d.total FROM " + CareTask.FROM
                + " JOIN (SELECT t.id, COUNT(*) OVER () AS total FROM care_task t JOIN customer o ON o.id = t.customer_id"
                + " WHERE t.assignee_id = ? AND t.state IN ('OPEN', 'PENDING_APPROVAL') AND o.deleted = FALSE"
                + " ORDER BY t.occasion_on, t.id LIMIT ?) d ON d.id = k.id ORDER BY k.occasion_on, k.id")
                .params(assigneeId, MY_DAY_ROWS).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return CareTask.of(rs);
                }).list();
        return new Due(tasks, total[0]);
    }

    /** The viewer's book's tasks still to do (everyone's for directors), soonest first. */
    public List<CareTask> open(Viewer viewer, int limit) {
        return list(viewer, "k.state IN ('OPEN', 'PENDING_APPROVAL')", "k.occasion_on, k.id", limit);
    }

    /** Gifts waiting for a director's approval. */
    public List<CareTask> pendingApproval(Viewer viewer) {
        return list(viewer, "k.state = 'PENDING_APPROVAL'", "k.closed_at, k.id", 200);
    }

    /** A customer's tasks, latest occasion first (the customer page checks the viewer first). */
    public List<CareTask> ofCustomer(long customerId, int limit) {
        return jdbc.sql("SELECT " + CareTask.COLUMNS + " FROM " + CareTask.FROM
                + " WHERE k.customer_id = ? ORDER BY k.occasion_on DESC, k.id DESC LIMIT ?")
                .params(customerId, limit).query((rs, n) -> CareTask.of(rs)).list();
    }

    /** Tasks given (or waiting for approval) or skipped in a year, for the spending export. */
    public List<CareTask> closedIn(Viewer viewer, int year) {
        return list(viewer, "k.state IN ('DONE', 'PENDING_APPROVAL', 'SKIPPED') AND k.occasion_on BETWEEN DATE '"
                + LocalDate.of(year, 1, 1) + "' AND DATE '" + LocalDate.of(year, 12, 31) + "'",
                "k.occasion_on, k.id", 100_000);
    }

    private List<CareTask> list(Viewer viewer, String where, String order, int limit) {
        boolean all = viewer.scope().all();
        return jdbc.sql("SELECT " + CareTask.COLUMNS + " FROM " + CareTask.FROM + " WHERE " + where
                + " AND c.deleted = FALSE"
                + (all ? "" : " AND (" + viewer.scope().sql("c.owner_id", "c.id") + " OR k.assignee_id = :me)")
                + " ORDER BY " + order + " LIMIT " + limit)
                .params(all ? java.util.Map.of() : java.util.Map.of("me", viewer.userId()))
                .query((rs, n) -> CareTask.of(rs)).list();
    }

    /** The task if the viewer may see it: its customer's owner, its assignee, a director or an admin. */
    public CareTask get(Viewer viewer, long id) {
        return jdbc.sql("SELECT " + CareTask.COLUMNS + " FROM " + CareTask.FROM + " WHERE k.id = ? AND c.deleted = FALSE")
                .params(id).query((rs, n) -> CareTask.of(rs)).optional()
                .filter(t -> viewer.canSee(t.customerId(), t.ownerId()) || t.assigneeId() == viewer.userId())
                .orElseThrow(() -> new CareTaskNotFoundException(id));
    }

    /**
     * Marks the task given: what was given, what it cost and when. A gift above the approval
     * threshold waits for a director (pending) and counts as spent only once approved.
     *
     * @return the task's new state
     */
    @Transactional
    public State markDone(Viewer viewer, long id, long version, String gift, BigDecimal cost, LocalDate givenOn,
            String note) {
        CareTask task = get(viewer, id);
        requireOpen(task);
        if (givenOn != null && givenOn.isAfter(today())) {
            throw new CareTaskRejectedException("doneOn", "future");
        }
        CareRules rules = policies.inForce();
        State state = rules.needsApproval(cost) ? State.PENDING_APPROVAL : State.DONE;
        save(store.close(id, version, state.name(), gift, cost, givenOn == null ? today() : givenOn, note,
                state == State.PENDING_APPROVAL ? viewer.username() : null, viewer.username(), clock.instant()), id);
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "careState", task.state(), state);
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "gift", null, gift);
        if (cost != null) {
            audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "careCost", null,
                    cost.toPlainString());
        }
        return state;
    }

    @Transactional
    public void skip(Viewer viewer, long id, long version, String reason) {
        CareTask task = get(viewer, id);
        requireOpen(task);
        if (reason == null || reason.isBlank()) {
            throw new CareTaskRejectedException("note", "skipReason");
        }
        save(store.close(id, version, State.SKIPPED.name(), null, null, null, reason.strip(), null,
                viewer.username(), clock.instant()), id);
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "careState", task.state(), State.SKIPPED);
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "skipReason", null, reason.strip());
    }

    /** Hands the task to another account manager (or back to the owner). */
    @Transactional
    public void assign(Viewer viewer, long id, long version, long assigneeId) {
        CareTask task = get(viewer, id);
        requireOpen(task);
        String name = jdbc.sql("SELECT display_name FROM app_user WHERE id = ? AND enabled = TRUE AND role = ?")
                .params(assigneeId, Role.ACCOUNT_MANAGER.name()).query(String.class).optional()
                .orElseThrow(() -> new CareTaskRejectedException("assigneeId", "assignee"));
        save(store.assign(id, version, assigneeId), id);
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "assignee", task.assigneeName(), name);
    }

    /**
     * A director (or admin) approves or rejects a gift above the threshold; no one decides on a
     * gift they asked for themselves. A rejected gift returns to open with the director's note.
     */
    @Transactional
    public void decide(Viewer viewer, long id, long version, boolean approve, String note) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("approve gifts");
        }
        CareTask task = get(viewer, id);
        if (!task.pending()) {
            throw new CareTaskRejectedException(null, "notPending");
        }
        if (viewer.username().equals(task.requestedBy())) {
            throw new CareTaskRejectedException(null, "ownRequest");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new CareTaskRejectedException("note", "rejectReason");
        }
        save(store.decide(id, version, approve, approve ? null : note.strip(), viewer.username(), clock.instant()), id);
        State after = approve ? State.DONE : State.OPEN;
        audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "careState", task.state(), after);
        if (!approve) {
            audit.fieldChanged(viewer.username(), ENTITY, id, task.customerId(), "rejectReason", null, note.strip());
        }
    }

    private static void requireOpen(CareTask task) {
        if (!task.open()) {
            throw new CareTaskRejectedException(null, "closed");
        }
    }

    private static void save(boolean saved, long id) {
        if (!saved) {
            throw new CareTaskRejectedException(null, "stale");
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
