package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.followup.rules.RoleDuties;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.followup.rules.RoleDuties.Every;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The duties per role in force: the one writer of {@code role_duty} and {@code role_presence}.
 * A change takes effect at once (duties make no stored schedule; another instance of the
 * application reads it within {@link #KEPT}) and each changed number is in the audit log, under
 * the role it belongs to.
 */
@Service
public class DutyPolicies {

    /** The audit log's record type of one role's duties, e.g. {@code RoleDuty.ACCOUNT_MANAGER}. */
    public static final String ENTITY = "RoleDuty.";

    /** How long the duties read are kept: every My day reads them, an admin rarely changes them. */
    static final Duration KEPT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, RoleDuties> kept = Caffeine.newBuilder().expireAfterWrite(KEPT).build();

    DutyPolicies(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Once committed: a read before then would keep the duties as they were. */
    @TransactionalEventListener
    void on(DutiesChanged changed) {
        kept.invalidateAll();
    }

    public RoleDuties current() {
        return kept.get("current", key -> read());
    }

    private RoleDuties read() {
        Map<Role, Map<Tier, Every>> tiers = new EnumMap<>(Role.class);
        jdbc.sql("SELECT role, tier, visit_every_days, call_every_days FROM role_duty").query(rs -> {
            Integer visit = rs.getObject("visit_every_days", Integer.class);
            Integer call = rs.getObject("call_every_days", Integer.class);
            tiers.computeIfAbsent(Role.valueOf(rs.getString("role")), r -> new EnumMap<>(Tier.class))
                    .put(Tier.valueOf(rs.getString("tier")), new Every(visit, call));
        });
        Map<Role, Integer> days = new EnumMap<>(Role.class);
        jdbc.sql("SELECT role, days_per_month FROM role_presence").query(rs -> {
            days.put(Role.valueOf(rs.getString("role")), rs.getObject("days_per_month", Integer.class));
        });
        Map<Role, Duty> byRole = new EnumMap<>(Role.class);
        for (Role role : RoleDuties.ROLES) {
            byRole.put(role, new Duty(tiers.getOrDefault(role, Map.of()), days.get(role)));
        }
        return new RoleDuties(byRole);
    }

    /** Replaces the duties; the caller checked them ({@link RoleDuties#violations()}). */
    @Transactional
    public void save(String actor, RoleDuties duties) {
        Violation.requireNone(duties.violations());
        RoleDuties before = read();
        events.publishEvent(new DutiesChanged());
        for (Role role : RoleDuties.ROLES) {
            Duty was = before.of(role);
            Duty now = duties.of(role);
            if (was.equals(now)) {
                continue;
            }
            jdbc.sql("DELETE FROM role_duty WHERE role = ?").param(role.name()).update();
            now.byTier().forEach((tier, every) -> jdbc.sql("""
                    INSERT INTO role_duty (role, tier, visit_every_days, call_every_days) VALUES (?, ?, ?, ?)""")
                    .params(role.name(), tier.name(), every.visitEveryDays(), every.callEveryDays()).update());
            int updated = jdbc.sql("""
                    UPDATE role_presence SET days_per_month = ?, updated_by = ?, updated_at = ? WHERE role = ?""")
                    .params(now.daysPerMonth(), actor, Timestamp.from(clock.instant()), role.name()).update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO role_presence (role, days_per_month, updated_by, updated_at) VALUES (?, ?, ?, ?)""")
                        .params(role.name(), now.daysPerMonth(), actor, Timestamp.from(clock.instant()))
                        .update();
            }
            audited(actor, role, was, now);
        }
    }

    private void audited(String actor, Role role, Duty was, Duty now) {
        String entity = ENTITY + role.name();
        for (Tier tier : Tier.values()) {
            Every before = was.of(tier);
            Every after = now.of(tier);
            if (!Objects.equals(before.visitEveryDays(), after.visitEveryDays())) {
                audit.fieldChanged(actor, entity, role.ordinal(), null, "visitEveryDays[" + tier + "]",
                        before.visitEveryDays(), after.visitEveryDays());
            }
            if (!Objects.equals(before.callEveryDays(), after.callEveryDays())) {
                audit.fieldChanged(actor, entity, role.ordinal(), null, "callEveryDays[" + tier + "]",
                        before.callEveryDays(), after.callEveryDays());
            }
        }
        if (!Objects.equals(was.daysPerMonth(), now.daysPerMonth())) {
            audit.fieldChanged(actor, entity, role.ordinal(), null, "daysPerMonth", was.daysPerMonth(),
                    now.daysPerMonth());
        }
    }
}
