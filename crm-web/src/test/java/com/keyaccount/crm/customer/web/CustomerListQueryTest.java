package com.keyaccount.crm.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.CustomerFocus;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The list's drill-down filters: what a figure's link asks for, kept across pages, dropped when nonsense. */
class CustomerListQueryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void drill_down_filters_survive_paging_sorting_and_the_export_link() {
        CustomerListQuery query = new CustomerListQuery();
        query.setRegion(Region.EAST);
        query.setOverdue(true);
        query.setSoldFrom(LocalDate.of(2026, 10, 1));
        query.setSoldTo(LocalDate.of(2026, 10, 31));
        query.setSoldLine(7L);

        assertThat(query.pageUrl(2)).contains("region=EAST", "overdue=true", "soldFrom=2026-10-01", "soldTo=2026-10-31",
                "soldLine=7", "page=2");
        assertThat(query.sortUrl("code")).contains("overdue=true", "soldLine=7");
        assertThat(query.exportUrl("xlsx")).startsWith("/customers/export.xlsx?").contains("overdue=true")
                .doesNotContain("page=");
        assertThat(query.withoutFocusUrl()).contains("region=EAST").doesNotContain("overdue", "sold");
    }

    @Test
    void each_filter_becomes_the_focus_the_page_counted() {
        CustomerListQuery query = new CustomerListQuery();
        query.setOverdue(true);
        query.setSilentDays(90);
        query.setUnclassified(true);
        query.setMovedFrom("A");
        query.setMovedTo("-");
        query.setSince(LocalDate.of(2026, 8, 24));
        query.setUntil(TODAY);

        CustomerFocus focus = query.focus(TODAY, SHANGHAI);
        assertThat(focus.overdueBefore()).isEqualTo(TODAY);
        assertThat(focus.notContactedSince()).isEqualTo(TODAY.minusDays(90).atStartOfDay(SHANGHAI).toInstant());
        assertThat(focus.unclassified()).isTrue();
        assertThat(focus.move().from()).isEqualTo(Tier.A);
        assertThat(focus.move().to()).isNull();
        // the last day counts whole
        assertThat(focus.move().end()).isEqualTo(TODAY.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        assertThat(query.hasFocus()).isTrue();
    }

    @Test
    void a_half_period_or_an_unknown_tier_is_left_out_rather_than_failing() {
        CustomerListQuery query = new CustomerListQuery();
        query.setSoldFrom(LocalDate.of(2026, 10, 1));
        query.setMovedFrom("Z");
        query.setMovedTo("A");
        query.setSince(LocalDate.of(2026, 8, 24));
        query.setUntil(TODAY);

        CustomerFocus focus = query.focus(TODAY, SHANGHAI);
        assertThat(focus.sales()).isNull();
        assertThat(focus.move()).isNull();
        assertThat(query.hasFocus()).isFalse();
        assertThat(focus).isEqualTo(CustomerFocus.NONE);
    }
}
