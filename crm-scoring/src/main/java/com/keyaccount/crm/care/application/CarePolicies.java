package com.keyaccount.crm.care.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care rules an admin edits: each save is a new numbered version (never changed after),
 * the highest in force, every changed setting in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class CarePolicies {

    static final String ENTITY = "CarePolicy";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CarePolicies(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published version with who published it and when. */
    public record Version(CareRules rules, String by, Instant at) {
    }

    public CareRules inForce() {
        return versions().get(0).rules();
    }

    /** Every version, newest first. */
    public List<Version> versions() {
        return jdbc.sql("SELECT * FROM care_policy ORDER BY version DESC").query((rs, n) ->
                new Version(rules(rs), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** The holidays of the calendar that a care task can follow (their Chinese names, as stored). */
    public List<String> holidayNames() {
        return jdbc.sql("SELECT DISTINCT name_zh FROM calendar_day WHERE kind = 'HOLIDAY' ORDER BY name_zh")
                .query(String.class).list();
    }

    /** Publishes the rules as the next version; nothing is written when nothing changed. */
    @Transactional
    public int publish(Viewer viewer, CareRules next) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("change the care rules");
        }
        CareRules current = inForce();
        Map<String, Object> before = fields(current);
        Map<String, Object> after = fields(next);
        if (before.equals(after)) {
            return current.version();
        }
        int version = current.version() + 1;
        jdbc.sql("""
                INSERT INTO care_policy (version, lead_days, approval_threshold, budget_a, budget_b, budget_c,
                    care_tiers, holidays, large_order, published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version, next.leadDays(), next.approvalThreshold(), next.budgets().get(Tier.A),
                        next.budgets().get(Tier.B), next.budgets().get(Tier.C), tiers(next.careTiers()),
                        String.join(",", next.holidays()), next.largeOrder(), viewer.username(),
                        Timestamp.from(clock.instant()))
                .update();
        before.forEach((field, old) -> {
            if (!Objects.equals(old, after.get(field))) {
                audit.fieldChanged(viewer.username(), ENTITY, version, null, field, old, after.get(field));
            }
        });
        return version;
    }

    /** The settings as the audit log names them, values as they are stored. */
    private static Map<String, Object> fields(CareRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leadDays", r.leadDays());
        m.put("approvalThreshold", plain(r.approvalThreshold()));
        m.put("budgetA", plain(r.budgets().get(Tier.A)));
        m.put("budgetB", plain(r.budgets().get(Tier.B)));
        m.put("budgetC", plain(r.budgets().get(Tier.C)));
        m.put("careTiers", tiers(r.careTiers()));
        m.put("holidays", String.join(",", r.holidays()));
        m.put("largeOrder", plain(r.largeOrder()));
        return m;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String tiers(Set<Tier> tiers) {
        return tiers.stream().sorted().map(Tier::name).collect(Collectors.joining());
    }

    static CareRules rules(ResultSet rs) throws SQLException {
        Map<Tier, BigDecimal> budgets = new EnumMap<>(Tier.class);
        budgets.put(Tier.A, rs.getBigDecimal("budget_a"));
        budgets.put(Tier.B, rs.getBigDecimal("budget_b"));
        budgets.put(Tier.C, rs.getBigDecimal("budget_c"));
        Set<Tier> careTiers = EnumSet.noneOf(Tier.class);
        for (char c : rs.getString("care_tiers").toCharArray()) {
            careTiers.add(Tier.valueOf(String.valueOf(c)));
        }
        String holidays = rs.getString("holidays");
        return new CareRules(rs.getInt("version"), rs.getInt("lead_days"), rs.getBigDecimal("approval_threshold"),
                budgets, careTiers, holidays.isBlank() ? List.of()
                        : Arrays.stream(holidays.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                rs.getBigDecimal("large_order"));
    }
}
