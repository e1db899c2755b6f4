package com.keyaccount.crm.support;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.AppUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sales lines written straight into the shared test database (credit notes, product lines,
 * margins: the import of those is another part of issue 15), and rule changes published as an
 * admin would. What a test writes it takes away again with {@link #restore}: other tests expect
 * Pareto on net revenue over the whole book, and only their own revenue.
 */
public class SalesBook {

    private final JdbcTemplate jdbc;
    private final RuleDrafts drafts;
    private final TierRecompute recompute;
    private final List<Long> customers = new ArrayList<>();

    public SalesBook(JdbcTemplate jdbc, RuleDrafts drafts, TierRecompute recompute) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.recompute = recompute;
    }

    /** A product line as the import would create it, named by an admin. */
    public long productLine(String name) {
        String code = Fixtures.unique("PL");
        jdbc.update("INSERT INTO product_line (code, name, created_at, created_by) VALUES (?, ?, CURRENT_TIMESTAMP, ?)",
                code, name, "test");
        return jdbc.queryForObject("SELECT id FROM product_line WHERE code = ?", Long.class, code);
    }

    /**
     * One line of an order: a sale (positive) or a credit note (negative), on a product line or
     * none, with a margin or none; paid 30 days after the order.
     */
    public void line(Customer customer, LocalDate day, String amount, Long productLine, String margin) {
        customers.add(customer.getId());
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, product_line_id,
                    margin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", customer.getId(),
                Fixtures.unique("SO"), day, new BigDecimal(amount), day.plusDays(30), day.plusDays(30), productLine,
                margin == null ? null : new BigDecimal(margin));
    }

    /** Publishes the rules in force changed by {@code change} and waits for the recompute it starts. */
    public void publish(AppUser admin, UnaryOperator<RuleSet> change) throws InterruptedException {
        Recomputes.awaitIdle(recompute);
        long draft = drafts.start(admin.asViewer());
        drafts.save(admin.asViewer(), draft, drafts.draft(draft).version(), change.apply(drafts.rulesInForce()), null,
                "test");
        drafts.publish(admin.asViewer(), draft, drafts.draft(draft).version());
        Recomputes.awaitIdle(recompute);
    }

    /** Pareto on net revenue over the whole book, with the other parameters in force. */
    public static RuleSet paretoOnNetRevenue(RuleSet rules) {
        // on the default ladder of three tiers: Pareto cuts twice
        return new RuleSet(TierMethod.PARETO, rules.windowMonths(), rules.pareto().withLower(java.util.List.of()), rules.scorecard(),
                rules.hardRules(), rules.churn(), Measure.NET_REVENUE, Scope.BOOK, null);
    }

    /** Deletes the lines written, puts Pareto on net revenue over the whole book back, and recomputes. */
    public void restore(AppUser admin) throws InterruptedException {
        customers.forEach(id -> jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", id));
        customers.clear();
        jdbc.update("DELETE FROM tier_policy_draft");
        RuleSet now = drafts.rulesInForce();
        if (!now.equals(paretoOnNetRevenue(now))) {
            publish(admin, SalesBook::paretoOnNetRevenue);
        }
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
    }
}
