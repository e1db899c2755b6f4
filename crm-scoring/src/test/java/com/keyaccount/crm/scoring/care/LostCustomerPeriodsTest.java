package com.keyaccount.crm.scoring.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.scoring.care.LostCustomerPeriods.Customer;
import com.keyaccount.crm.scoring.care.LostCustomerPeriods.Key;
import com.keyaccount.crm.scoring.care.LostCustomerPeriods.Loss;
import com.keyaccount.crm.scoring.care.LostCustomerPeriods.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who of the customers ever lost counts in a quarter, worked out by hand. */
class LostCustomerPeriodsTest {

    private static final Period Q1 = period("2026-01-01", "2026-03-31");
    private static final Period Q2 = period("2026-04-01", "2026-06-30");
    private static final Instant LAST_YEAR = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void a_customer_lost_in_q2_is_there_at_the_start_of_both_quarters_and_lost_in_q2_under_its_recorded_manager() {
        var c = new Customer(7, "A", LAST_YEAR, false, List.of(new Loss(day("2026-05-10"), null, 3, "B")));
        assertThat(LostCustomerPeriods.count(List.of(Q1, Q2), List.of(c))).containsExactly(
                Map.entry(new Key(0, 7, "A"), new RetentionRate(1, 0)),
                Map.entry(new Key(1, 3, "B"), new RetentionRate(1, 1)));
    }

    @Test
    void lost_before_a_quarter_and_not_won_back_by_its_start_it_is_not_counted_there() {
        var gone = new Customer(7, "A", LAST_YEAR, false, List.of(new Loss(day("2025-12-20"), null, 7, "A")));
        var back = new Customer(7, "A", LAST_YEAR, false,
                List.of(new Loss(day("2025-12-20"), day("2026-03-15"), 7, "A")));
        assertThat(LostCustomerPeriods.count(List.of(Q1, Q2), List.of(gone))).isEmpty();
        assertThat(LostCustomerPeriods.count(List.of(Q1, Q2), List.of(back)))
                .as("won back in March: there at the start of Q2 only")
                .containsExactly(Map.entry(new Key(1, 7, "A"), new RetentionRate(1, 0)));
    }

    @Test
    void created_during_a_quarter_it_counts_from_the_next_and_a_prospect_only_where_it_was_lost() {
        var newcomer = new Customer(7, null, Instant.parse("2026-02-01T00:00:00Z"), false,
                List.of(new Loss(day("2026-02-20"), day("2026-03-01"), 7, null)));
        assertThat(LostCustomerPeriods.count(List.of(Q1, Q2), List.of(newcomer)))
                .as("no tier recorded or in force: counted as C")
                .containsExactly(Map.entry(new Key(1, 7, "C"), new RetentionRate(1, 0)));
        var prospect = new Customer(7, "B", LAST_YEAR, true, List.of(new Loss(day("2026-04-02"), null, 7, "B")));
        assertThat(LostCustomerPeriods.count(List.of(Q1, Q2), List.of(prospect)))
                .containsExactly(Map.entry(new Key(1, 7, "B"), new RetentionRate(1, 1)));
    }

    private static Period period(String from, String to) {
        return new Period(day(from), day(to), day(from).atStartOfDay().toInstant(ZoneOffset.ofHours(8)));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
