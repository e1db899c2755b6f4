package com.keyaccount.crm.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.satisfaction.NetPromoterScore;
import com.keyaccount.crm.scoring.service.ServiceKpi.OnTime;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ServiceKpiTest {

    @Test
    void on_time_shares_round_down_and_say_nothing_when_nothing_was_due() {
        // 2 of 3: 66.7% shown as 66%, as attainment rounds
        assertThat(new OnTime(3, 2).percent()).isEqualTo(66);
        assertThat(new OnTime(4, 4).percent()).isEqualTo(100);
        assertThat(OnTime.NONE.percent()).isNull();
        assertThatThrownBy(() -> new OnTime(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groups_add_up_and_the_average_weighs_each_survey_alike() {
        // manager 1: scores 80 and 70, one promoter (9) and one detractor (5); manager 2: score 40, one passive (8)
        ServiceKpi one = new ServiceKpi(new OnTime(2, 1), new OnTime(1, 1), 2, new BigDecimal("150.0"), 2,
                new NetPromoterScore(1, 0, 1));
        ServiceKpi two = new ServiceKpi(new OnTime(1, 1), OnTime.NONE, 1, new BigDecimal("40.0"), 1,
                new NetPromoterScore(0, 1, 0));
        ServiceKpi both = ServiceKpi.NONE.plus(one).plus(two);

        assertThat(both.answered()).isEqualTo(new OnTime(3, 2));
        assertThat(both.resolved()).isEqualTo(new OnTime(1, 1));
        assertThat(both.responses()).isEqualTo(3);
        // (80 + 70 + 40) / 3 = 63.33 -> 63.3, not the mean of the managers' means (75 and 40 -> 57.5)
        assertThat(both.averageScore()).isEqualByComparingTo("63.3");
        // (1 promoter - 1 detractor) / 3 answers = 0
        assertThat(both.npsScore()).isZero();
        assertThat(ServiceKpi.NONE.averageScore()).isNull();
        assertThat(ServiceKpi.NONE.npsScore()).isNull();
    }
}
