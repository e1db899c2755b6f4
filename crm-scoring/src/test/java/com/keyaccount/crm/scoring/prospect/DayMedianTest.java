package com.keyaccount.crm.scoring.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DayMedianTest {

    @Test
    void anOddCountHasItsMiddleValue() {
        // 1, 4, 4, 9, 30
        assertThat(DayMedian.of(Map.of(30, 1L, 1, 1L, 4, 2L, 9, 1L))).isEqualTo(4.0);
    }

    @Test
    void anEvenCountHasTheMeanOfItsTwoMiddleValues() {
        // 3, 30, 30, 68
        assertThat(DayMedian.of(Map.of(3, 1L, 30, 2L, 68, 1L))).isEqualTo(30.0);
        // 5, 10
        assertThat(DayMedian.of(Map.of(10, 1L, 5, 1L))).isEqualTo(7.5);
        // 0, 0, 1, 2, 2, 1000
        assertThat(DayMedian.of(Map.of(0, 2L, 1, 1L, 2, 2L, 1000, 1L))).isEqualTo(1.5);
    }

    @Test
    void oneValueIsItsOwnMedianAndNoneHasNone() {
        assertThat(DayMedian.of(Map.of(12, 1L))).isEqualTo(12.0);
        assertThat(DayMedian.of(Map.of(12, 7L))).isEqualTo(12.0);
        assertThat(DayMedian.of(Map.of())).isNull();
    }
}
