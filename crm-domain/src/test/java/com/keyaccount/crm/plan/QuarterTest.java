package com.keyaccount.crm.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void a_day_falls_in_its_calendar_quarter_with_its_first_and_last_day() {
        Quarter q = Quarter.of(LocalDate.of(2026, 12, 31));
        assertThat(q).isEqualTo(new Quarter(2026, 4));
        assertThat(q.first()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q.last()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Quarter.of(LocalDate.of(2028, 2, 29)).last()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(q.contains(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void quarters_follow_each_other_across_years() {
        assertThat(new Quarter(2026, 4).next()).isEqualTo(new Quarter(2027, 1));
        assertThat(new Quarter(2027, 1).previous()).isEqualTo(new Quarter(2026, 4));
        assertThat(new Quarter(2026, 2).yearBefore()).isEqualTo(new Quarter(2025, 2));
        assertThat(new Quarter(2026, 4)).isGreaterThan(new Quarter(2026, 3)).isLessThan(new Quarter(2027, 1));
    }

    @Test
    void an_address_names_a_quarter_only_as_year_dash_q_and_its_number() {
        assertThat(Quarter.parse("2026-Q4")).contains(new Quarter(2026, 4));
        assertThat(new Quarter(2026, 4)).hasToString("2026-Q4");
        assertThat(Quarter.parse("2026-Q5")).isEmpty();
        assertThat(Quarter.parse("2026-q4")).isEmpty();
        assertThat(Quarter.parse("99999-Q1")).isEmpty();
        assertThat(Quarter.parse("0000-Q1")).as("a year no plan is for: not a quarter, not an error").isEmpty();
        assertThat(Quarter.parse(null)).isEmpty();
        assertThatThrownBy(() -> new Quarter(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
