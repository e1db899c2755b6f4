package com.keyaccount.crm.scoring.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attainment, growth and the ranking of seed 000's assessment (考核). */
class MeasureTest {

    private static Measure m(String actual, String target, String before) {
        return new Measure(new BigDecimal(actual), target == null ? null : new BigDecimal(target),
                before == null ? null : new BigDecimal(before));
    }

    @Test
    void attainment_is_done_over_target_and_growth_is_against_the_year_before() {
        Measure m = m("750", "1000", "600");
        assertThat(m.attainedPercent()).isEqualByComparingTo("75.0");
        assertThat(m.growthPercent()).isEqualByComparingTo("25.0");
        assertThat(m("200", "300", "300").growthPercent()).isEqualByComparingTo("-33.3");
    }

    @Test
    void no_target_or_nothing_the_year_before_gives_no_percentage() {
        assertThat(m("750", null, "0").attainedPercent()).isNull();
        assertThat(m("750", null, "0").growthPercent()).isNull();
        assertThat(m("750", null, "-20").growthPercent()).as("a year of net returns is nothing to grow from").isNull();
        assertThat(m("0", "0", null).attainedPercent()).as("a target of nothing is met").isEqualByComparingTo("100");
    }

    @Test
    void a_team_sums_its_people_and_has_a_target_only_when_each_has_one() {
        assertThat(m("100", "200", "50").plus(m("300", "400", "150"))).isEqualTo(m("400", "600", "200"));
        assertThat(m("100", "200", "50").plus(m("300", null, "150")).target()).isNull();
    }

    @Test
    void the_ranking_is_by_attainment_then_revenue_with_people_without_a_target_last() {
        record P(String name, Measure revenue) {
        }
        List<P> ranked = Leaderboard.ranked(List.of(new P("无目标大单", m("9000", null, null)),
                new P("李", m("500", "1000", null)), new P("王", m("900", "1000", null)),
                new P("赵", m("450", "500", null)), new P("钱", m("100", null, null))), P::revenue, P::name);
        // 王 and 赵 both at 90%: the larger revenue first
        assertThat(ranked).extracting(P::name).containsExactly("王", "赵", "李", "无目标大单", "钱");
    }
}
