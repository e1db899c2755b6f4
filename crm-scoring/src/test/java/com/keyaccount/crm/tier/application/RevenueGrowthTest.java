package com.keyaccount.crm.tier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Growth against the same window a year earlier, as the scorecard's growth criterion reads it. */
class RevenueGrowthTest {

    @Test
    void growth_is_the_change_over_last_years_revenue_in_percent() {
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("60000"), new BigDecimal("40000"))).isEqualTo(50.0);
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("30000"), new BigDecimal("40000"))).isEqualTo(-25.0);
        assertThat(ScorecardServiceFigures.growth(BigDecimal.ZERO, new BigDecimal("40000"))).isEqualTo(-100.0);
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("1"), new BigDecimal("3")))
                .isCloseTo(-66.667, within(0.001));
    }

    @Test
    void without_revenue_a_year_earlier_there_is_no_rate() {
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("60000"), null)).isNull();
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("60000"), BigDecimal.ZERO)).isNull();
        // credit notes outweighed last year's sales: no base to grow from
        assertThat(ScorecardServiceFigures.growth(new BigDecimal("60000"), new BigDecimal("-5"))).isNull();
    }
}
