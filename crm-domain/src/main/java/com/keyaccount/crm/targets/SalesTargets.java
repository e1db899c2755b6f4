package com.keyaccount.crm.targets;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting targets: a sales director or admin sets each account manager's revenue, orders and new
 * key accounts for a year or a quarter, all rows of a period in one save, all or nothing. Every
 * figure changed is audited as the person's target for that period.
 */
@Service
@Transactional(readOnly = true)
public class SalesTargets {

    static final String ENTITY = "SalesTarget";
    static final String UNIT_ENTITY = "UnitTarget";

    private final SalesTargetRepository targets;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnitTargetRows unitTargets;

    SalesTargets(SalesTargetRepository targets, AppUserRepository users, AuditTrail audit, Clock clock,
            UnitTargetRows unitTargets) {
        this.targets = targets;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.unitTargets = unitTargets;
    }

    /** Every unit's targets for the period, by unit id. */
    public Map<Long, Targets> ofUnits(TargetPeriod period) {
        return unitTargets.of(period);
    }

    /** Everyone's targets for the period, by user id; someone without a row has none. */
    public Map<Long, Targets> of(TargetPeriod period) {
        Map<Long, Targets> byUser = new HashMap<>();
        targets.findByPeriodKindAndPeriodStart(period.kind(), period.first())
                .forEach(t -> byUser.put(t.getUser().getId(), t.targets()));
        return byUser;
    }

    public boolean maySet(Viewer viewer) {
        return viewer.role() == Role.SALES_DIRECTOR || viewer.role() == Role.ADMIN;
    }

    /** Sets the targets typed for each account manager named; people not named keep theirs. */
    @Transactional
    public void set(Viewer viewer, TargetPeriod period, Map<Long, Targets> typed) {
        set(viewer, period, typed, Map.of());
    }

    /**
     * Sets the targets typed for each account manager and each unit named, all or nothing; people
     * and units not named keep theirs.
     */
    @Transactional
    public void set(Viewer viewer, TargetPeriod period, Map<Long, Targets> typed, Map<Long, Targets> typedUnits) {
        if (!maySet(viewer)) {
            throw new NotPermittedException("set targets");
        }
        List<TargetRefusedException.Refusal> refusals = new ArrayList<>();
        typed.forEach((userId, t) -> check(userId, t, refusals));
        List<TargetRefusedException.Refusal> unitRefusals = new ArrayList<>();
        typedUnits.forEach((unitId, t) -> check(unitId, t, unitRefusals));
        typedUnits.keySet().stream().filter(unitId -> !unitTargets.unitExists(unitId))
                .forEach(unitId -> unitRefusals.add(new TargetRefusedException.Refusal(unitId, "revenue", "noSuchUnit")));
        unitRefusals.forEach(r -> refusals.add(new TargetRefusedException.Refusal(r.userId(), r.field(), r.code(), true)));
        Map<Long, AppUser> people = new HashMap<>();
        users.findAllById(typed.keySet()).stream().filter(u -> u.getRole() == Role.ACCOUNT_MANAGER)
                .forEach(u -> people.put(u.getId(), u));
        typed.keySet().stream().filter(userId -> !people.containsKey(userId))
                .forEach(userId -> refusals.add(new TargetRefusedException.Refusal(userId, "revenue", "notAManager")));
        if (!refusals.isEmpty()) {
            throw new TargetRefusedException(refusals);
        }
        Map<Long, SalesTarget> existing = new HashMap<>();
        targets.findByPeriodKindAndPeriodStart(period.kind(), period.first())
                .forEach(t -> existing.put(t.getUser().getId(), t));
        Instant now = clock.instant();
        typed.forEach((userId, t) -> {
            SalesTarget row = existing.get(userId);
            Targets before = row == null ? Targets.NONE : row.targets();
            if (before.equals(t)) {
                return;
            }
            if (t.isNone()) {
                targets.delete(row);
            } else if (row == null) {
                targets.save(new SalesTarget(people.get(userId), period, t, viewer.username(), now));
            } else {
                row.set(t, viewer.username(), now);
            }
            audited(viewer, ENTITY, userId, period, before, t);
        });
        Map<Long, Targets> unitsBefore = unitTargets.of(period);
        typedUnits.forEach((unitId, t) -> {
            Targets before = unitsBefore.getOrDefault(unitId, Targets.NONE);
            if (before.equals(t)) {
                return;
            }
            if (t.isNone()) {
                unitTargets.remove(unitId, period);
            } else {
                unitTargets.put(unitId, period, t, viewer.username(), now);
            }
            audited(viewer, UNIT_ENTITY, unitId, period, before, t);
        });
    }

    private void audited(Viewer viewer, String entity, long id, TargetPeriod period, Targets before, Targets after) {
        audited(viewer, entity, id, period, "revenue", before.revenue(), after.revenue());
        audited(viewer, entity, id, period, "orders", before.orders(), after.orders());
        audited(viewer, entity, id, period, "newKeyAccounts", before.newKeyAccounts(), after.newKeyAccounts());
    }

    private void audited(Viewer viewer, String entity, long id, TargetPeriod period, String figure, Object before,
            Object after) {
        if (before instanceof BigDecimal b && after instanceof BigDecimal a ? b.compareTo(a) != 0
                : !Objects.equals(before, after)) {
            // the person's (or unit's) target for the period: entity id is theirs, the field names the period
            audit.fieldChanged(viewer.username(), entity, id, null, figure + "[" + period + "]", before, after);
        }
    }

    private static void check(long userId, Targets t, List<TargetRefusedException.Refusal> refusals) {
        if (t.revenue() != null && (t.revenue().signum() < 0 || t.revenue().compareTo(Targets.REVENUE_MAX) > 0)) {
            refusals.add(new TargetRefusedException.Refusal(userId, "revenue", "revenueRange"));
        }
        if (t.orders() != null && (t.orders() < 0 || t.orders() > Targets.COUNT_MAX)) {
            refusals.add(new TargetRefusedException.Refusal(userId, "orders", "countRange"));
        }
        if (t.newKeyAccounts() != null && (t.newKeyAccounts() < 0 || t.newKeyAccounts() > Targets.COUNT_MAX)) {
            refusals.add(new TargetRefusedException.Refusal(userId, "newKeyAccounts", "countRange"));
        }
    }
}
