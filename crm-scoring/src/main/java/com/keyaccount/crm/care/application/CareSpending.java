package com.keyaccount.crm.care.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.scoring.care.CareBudget;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care spending against budget in a calendar year: a gift counts on the day it was given, once
 * given (approved where it needed approval). Budgets are for customers being served (active or
 * dormant); a lost customer's earlier gifts still count as spent.
 */
@Service
@Transactional(readOnly = true)
public class CareSpending {

    static final String ENTITY = "CustomerCareBudget";
    /** Customers listed by what was given to them; the export has every gift. */
    public static final int SPENDERS_SHOWN = 100;

    private final JdbcClient jdbc;
    private final CarePolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    CareSpending(JdbcClient jdbc, CarePolicies policies, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** One customer's year: its budget (its own where set) and what was given. */
    public record CustomerYear(long customerId, String code, String name, long ownerId, String ownerName, Tier tier,
            BigDecimal ownBudget, CareBudget budget) {
    }

    /** A group's year: per manager or per tier. */
    public record Line(String key, String label, long customers, CareBudget budget) {
    }

    /**
     * The viewer's book in a year: the customers who were given something (the largest first, the
     * first {@link #SPENDERS_SHOWN}; {@code spenders} says how many there are), per manager, per
     * tier and in total.
     */
    public record Book(int year, List<CustomerYear> customers, long spenders, List<Line> byManager, List<Line> byTier,
            CareBudget total) {
    }

    public CustomerYear customer(long customerId, int year) {
        return rows("c.id = :id", Map.of("id", customerId), year, "c.id", 1).stream().findFirst()
                .orElseGet(() -> new CustomerYear(customerId, null, null, 0, null, null, null,
                        new CareBudget(BigDecimal.ZERO, BigDecimal.ZERO)));
    }

    /**
     * Budgets and spending summed in SQL per manager and tier (one row per pair, not per customer),
     * and only the largest spenders read one by one.
     */
    public Book book(Viewer viewer, int year) {
        String scope = viewer.scope().sql("c.owner_id");
        Map<String, Object> mine = Map.of();
        CareRules rules = policies.inForce();
        Map<String, Object> args = yearArgs(mine, year);
        args.put("budgetA", rules.budgetOf(Tier.A, null));
        args.put("budgetB", rules.budgetOf(Tier.B, null));
        args.put("budgetC", rules.budgetOf(Tier.C, null));
        Map<Long, Line> byOwner = new TreeMap<>();
        Map<Tier, Line> byTier = new EnumMap<>(Tier.class);
        long[] spending = {0};
        jdbc.sql("""
                SELECT c.owner_id, u.display_name, COALESCE(t.effective_tier, 'C') AS tier, COUNT(*) AS customers,
                       SUM(CASE WHEN c.status = 'LOST' THEN 0 WHEN b.amount IS NOT NULL THEN b.amount
                                WHEN t.effective_tier = 'A' THEN :budgetA WHEN t.effective_tier = 'B' THEN :budgetB
                                ELSE :budgetC END) AS budget,
                       SUM(s.spent) AS spent, SUM(CASE WHEN s.spent > 0 THEN 1 ELSE 0 END) AS spenders
                """ + FROM + " AND " + scope + " GROUP BY c.owner_id, u.display_name, COALESCE(t.effective_tier, 'C')")
                .params(args).query(rs -> {
                    long owner = rs.getLong("owner_id");
                    spending[0] += rs.getLong("spenders");
                    Line part = new Line(String.valueOf(owner), rs.getString("display_name"), rs.getLong("customers"),
                            new CareBudget(rs.getBigDecimal("budget"), rs.getBigDecimal("spent")));
                    byOwner.merge(owner, part, CareSpending::plus);
                    Tier tier = Tier.valueOf(rs.getString("tier"));
                    byTier.merge(tier, new Line(tier.name(), tier.name(), part.customers(), part.budget()),
                            CareSpending::plus);
                });
        List<Line> managers = byOwner.values().stream().sorted(Comparator.comparing(Line::label)).toList();
        List<Line> tiers = List.copyOf(byTier.values());
        List<CustomerYear> spenders = rows("s.spent > 0 AND " + scope, mine, year, "s.spent DESC, c.id", SPENDERS_SHOWN);
        return new Book(year, spenders, spending[0], managers, tiers,
                CareBudget.sum(managers.stream().map(Line::budget).toList()));
    }

    private static Line plus(Line a, Line b) {
        return new Line(a.key(), a.label(), a.customers() + b.customers(),
                CareBudget.sum(List.of(a.budget(), b.budget())));
    }

    /** Customers served, or with spending in the year, with what was given to each in it. */
    private static final String FROM = """
            FROM customer c JOIN app_user u ON u.id = c.owner_id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            LEFT JOIN customer_care_budget b ON b.customer_id = c.id
            LEFT JOIN (SELECT customer_id, SUM(cost) AS spent FROM care_task
                       WHERE state = 'DONE' AND done_on BETWEEN :first AND :last AND cost IS NOT NULL
                       GROUP BY customer_id) s ON s.customer_id = c.id
            WHERE c.deleted = FALSE AND (c.status IN ('ACTIVE', 'DORMANT') OR s.spent IS NOT NULL)""";

    private static Map<String, Object> yearArgs(Map<String, Object> params, int year) {
        Map<String, Object> args = new HashMap<>(params);
        args.put("first", Date.valueOf(LocalDate.of(year, 1, 1)));
        args.put("last", Date.valueOf(LocalDate.of(year, 12, 31)));
        return args;
    }

    private List<CustomerYear> rows(String where, Map<String, Object> params, int year, String order, int limit) {
        CareRules rules = policies.inForce();
        return jdbc.sql("SELECT c.id, c.code, c.name, c.owner_id, u.display_name, c.status, t.effective_tier, b.amount, "
                + "s.spent " + FROM + " AND " + where + " ORDER BY " + order + " LIMIT " + limit)
                .params(yearArgs(params, year)).query((rs, n) -> {
                    String tierCode = rs.getString("effective_tier");
                    Tier tier = tierCode == null ? null : Tier.valueOf(tierCode);
                    BigDecimal own = rs.getBigDecimal("amount");
                    boolean served = !"LOST".equals(rs.getString("status"));
                    BigDecimal budget = served ? rules.budgetOf(tier, own) : BigDecimal.ZERO;
                    return new CustomerYear(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getLong("owner_id"), rs.getString("display_name"), tier, own,
                            new CareBudget(budget, rs.getBigDecimal("spent")));
                }).list();
    }

    /** A director sets a customer's own yearly budget, or clears it (null) to use its tier's. */
    @Transactional
    public void setOwnBudget(Viewer viewer, long customerId, BigDecimal amount) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("set care budgets");
        }
        BigDecimal before = jdbc.sql("SELECT amount FROM customer_care_budget WHERE customer_id = ?")
                .params(customerId).query(BigDecimal.class).optional().orElse(null);
        jdbc.sql("DELETE FROM customer_care_budget WHERE customer_id = ?").params(customerId).update();
        if (amount != null) {
            jdbc.sql("INSERT INTO customer_care_budget (customer_id, amount, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, amount, viewer.username(), Timestamp.from(clock.instant())).update();
        }
        audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "careBudget",
                before == null ? null : before.toPlainString(), amount == null ? null : amount.toPlainString());
    }
}
