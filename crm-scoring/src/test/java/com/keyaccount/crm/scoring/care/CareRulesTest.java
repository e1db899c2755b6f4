package com.keyaccount.crm.scoring.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CareRulesTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 9, 18);
    private static final CareRules RULES = new CareRules(1, 7, new BigDecimal("2000"),
            Map.of(Tier.A, new BigDecimal("20000"), Tier.B, new BigDecimal("8000"), Tier.C, new BigDecimal("2000")),
            Set.of(Tier.A, Tier.B), List.of("春节", "中秋节"), new BigDecimal("1000000"));

    @Test
    void a_birthday_is_due_from_seven_days_ahead_to_the_day_itself() {
        LocalDate born = LocalDate.of(1975, 9, 25);
        assertThat(CareOccasions.yearlyWithin(born, FRIDAY, 7)).contains(LocalDate.of(2026, 9, 25));
        assertThat(CareOccasions.yearlyWithin(born, FRIDAY, 6)).as("eight days away with a 6-day lead").isEmpty();
        assertThat(CareOccasions.yearlyWithin(born, LocalDate.of(2026, 9, 26), 7)).as("the day has passed").isEmpty();
    }

    @Test
    void a_window_over_new_year_finds_next_years_day() {
        assertThat(CareOccasions.yearlyWithin(LocalDate.of(1980, 1, 2), LocalDate.of(2026, 12, 29), 7))
                .contains(LocalDate.of(2027, 1, 2));
    }

    @Test
    void born_on_29_february_is_celebrated_on_the_28th_in_other_years() {
        assertThat(CareOccasions.yearlyWithin(LocalDate.of(1988, 2, 29), LocalDate.of(2026, 2, 25), 7))
                .contains(LocalDate.of(2026, 2, 28));
        assertThat(CareOccasions.yearlyWithin(LocalDate.of(1988, 2, 29), LocalDate.of(2028, 2, 25), 7))
                .contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void an_anniversary_in_its_own_year_is_no_occasion() {
        assertThat(CareOccasions.yearlyWithin(LocalDate.of(2026, 9, 20), FRIDAY, 7)).isEmpty();
    }

    @Test
    void a_holiday_is_due_within_the_lead_time_before_its_first_day() {
        assertThat(CareOccasions.holidayWithin(LocalDate.of(2026, 9, 25), FRIDAY, 7)).isTrue();
        assertThat(CareOccasions.holidayWithin(LocalDate.of(2026, 10, 1), FRIDAY, 7)).isFalse();
        assertThat(CareOccasions.holidayWithin(LocalDate.of(2026, 9, 17), FRIDAY, 7)).isFalse();
    }

    @Test
    void a_thank_you_call_follows_a_first_or_a_large_order_but_never_a_credit_note() {
        BigDecimal large = new BigDecimal("1000000");
        LocalDate twoDaysAgo = FRIDAY.minusDays(2);
        assertThat(CareOccasions.thankYouDue(twoDaysAgo, new BigDecimal("500"), true, large, FRIDAY, 7)).isTrue();
        assertThat(CareOccasions.thankYouDue(twoDaysAgo, new BigDecimal("500"), false, large, FRIDAY, 7)).isFalse();
        assertThat(CareOccasions.thankYouDue(twoDaysAgo, large, false, large, FRIDAY, 7)).isTrue();
        assertThat(CareOccasions.thankYouDue(twoDaysAgo, new BigDecimal("-2000000"), true, large, FRIDAY, 7)).isFalse();
        assertThat(CareOccasions.thankYouDue(FRIDAY.minusDays(30), large, true, large, FRIDAY, 7))
                .as("older than the lead time: history, not news").isFalse();
        assertThat(CareOccasions.thankYouOn(twoDaysAgo)).isEqualTo(LocalDate.of(2026, 9, 17));
    }

    @Test
    void a_gift_above_the_threshold_needs_approval_and_one_at_it_does_not() {
        assertThat(RULES.needsApproval(new BigDecimal("2000.00"))).isFalse();
        assertThat(RULES.needsApproval(new BigDecimal("2000.01"))).isTrue();
    }

    @Test
    void a_customer_has_its_own_budget_or_its_tiers_and_an_unclassified_one_tier_cs() {
        assertThat(RULES.budgetOf(Tier.A, null)).isEqualByComparingTo("20000");
        assertThat(RULES.budgetOf(Tier.A, new BigDecimal("500"))).isEqualByComparingTo("500");
        assertThat(RULES.budgetOf(null, null)).isEqualByComparingTo("2000");
        assertThat(RULES.caresFor(Tier.C)).isFalse();
        assertThat(RULES.caresFor(Tier.B)).isTrue();
    }

    @Test
    void budgets_add_up_and_say_what_is_left() {
        CareBudget a = new CareBudget(new BigDecimal("8000"), new BigDecimal("1200.50"));
        CareBudget b = new CareBudget(new BigDecimal("2000"), new BigDecimal("2500"));
        CareBudget total = CareBudget.sum(List.of(a, b));
        assertThat(total.budget()).isEqualByComparingTo("10000");
        assertThat(total.spent()).isEqualByComparingTo("3700.50");
        assertThat(total.remaining()).isEqualByComparingTo("6299.50");
        assertThat(total.percentUsed()).isEqualByComparingTo("37.0");
        assertThat(b.over()).isTrue();
        assertThat(b.remaining()).isEqualByComparingTo("-500");
        assertThat(a.allows(new BigDecimal("6799.50"))).isTrue();
        assertThat(a.allows(new BigDecimal("6799.51"))).isFalse();
        assertThat(new CareBudget(BigDecimal.ZERO, BigDecimal.TEN).percentUsed()).isNull();
    }

    @Test
    void retention_is_what_churn_leaves_of_those_there_at_the_start() {
        RetentionRate q = new RetentionRate(200, 3);
        assertThat(q.churnPercent()).isEqualByComparingTo("1.5");
        assertThat(q.retentionPercent()).isEqualByComparingTo("98.5");
        assertThat(new RetentionRate(3, 1).churnPercent()).isEqualByComparingTo("33.3");
        assertThat(new RetentionRate(0, 0).retentionPercent()).isNull();
        assertThat(RetentionRate.sum(List.of(q, new RetentionRate(100, 0)))).isEqualTo(new RetentionRate(300, 3));
    }
}
