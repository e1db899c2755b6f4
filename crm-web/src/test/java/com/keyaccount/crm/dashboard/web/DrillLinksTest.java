package com.keyaccount.crm.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.dashboard.application.Overview.Group;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the overview's figures lead: with a product line the customer list gets the overview's
 * scope — the line's own tiers when the policy ranks per line, else sales on the line in the window.
 */
class DrillLinksTest {

    private static final LocalDate FROM = LocalDate.of(2025, 11, 23);
    private static final LocalDate TO = LocalDate.of(2026, 11, 22);

    @Test
    void without_a_product_line_the_filters_and_the_group() {
        DashboardQuery query = query(null);
        DrillLinks links = new DrillLinks("", query, overview(null, false), true);
        assertThat(links.customers()).isEqualTo("/customers?region=EAST&owner=5");
        assertThat(links.tier("A")).isEqualTo("/customers?region=EAST&owner=5&tier=A");
        assertThat(links.tier(null)).isEqualTo("/customers?region=EAST&owner=5&unclassified=true");
        assertThat(links.region("NORTH")).isEqualTo("/customers?owner=5&region=NORTH");
        assertThat(links.withSales()).isEqualTo("/customers?region=EAST&owner=5&soldFrom=2025-11-23&soldTo=2026-11-22");
        assertThat(links.overdue()).isEqualTo("/customers?region=EAST&owner=5&overdue=true");
        assertThat(links.churn()).isEqualTo("/dashboard/churn?region=EAST&owner=5");
    }

    @Test
    void a_product_line_ranked_on_its_own_opens_its_line_tiers() {
        DrillLinks links = new DrillLinks("", query(3L), overview(3L, true), true);
        assertThat(links.tier("B")).isEqualTo("/customers?region=EAST&owner=5&line=3&tier=B");
        assertThat(links.withSales()).isEqualTo(
                "/customers?region=EAST&owner=5&line=3&soldFrom=2025-11-23&soldTo=2026-11-22&soldLine=3");
    }

    @Test
    void a_product_line_of_customer_tiers_opens_the_customers_with_sales_on_it() {
        DrillLinks links = new DrillLinks("/crm", query(3L), overview(3L, false), false);
        // an account manager's own book: no owner in the link
        assertThat(links.tier("A")).isEqualTo(
                "/crm/customers?region=EAST&soldFrom=2025-11-23&soldTo=2026-11-22&soldLine=3&tier=A");
        assertThat(links.customers()).isEqualTo(links.withSales()).contains("soldLine=3");
    }

    private static DashboardQuery query(Long line) {
        DashboardQuery query = new DashboardQuery();
        query.setRegion(Region.EAST);
        query.setOwner(5L);
        query.setProductLine(line);
        return query;
    }

    private static Overview overview(Long line, boolean lineTiers) {
        Group none = new Group(null, 0, BigDecimal.ZERO, BigDecimal.ZERO, null);
        return new Overview(new DashboardFilter(Region.EAST, null, 5L, line), FROM, TO, none, List.of(), List.of(),
                List.of(), Measure.NET_REVENUE, List.of(), null, null, lineTiers);
    }
}
