package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Seed 003's nine-grid: potential bands of three scores, and the red and yellow zones of the high band. */
class NineGridZoneTest {

    @Test
    void potential_bands_cut_at_three_and_six() {
        assertThat(PotentialBand.of(1)).isEqualTo(PotentialBand.LOW);
        assertThat(PotentialBand.of(3)).isEqualTo(PotentialBand.LOW);
        assertThat(PotentialBand.of(4)).isEqualTo(PotentialBand.MEDIUM);
        assertThat(PotentialBand.of(6)).isEqualTo(PotentialBand.MEDIUM);
        assertThat(PotentialBand.of(7)).isEqualTo(PotentialBand.HIGH);
        assertThat(PotentialBand.of(9)).isEqualTo(PotentialBand.HIGH);
        assertThatThrownBy(() -> PotentialBand.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PotentialBand.of(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void high_potential_already_using_us_is_red_and_not_yet_using_us_is_yellow() {
        assertThat(NineGridZone.of(7, Adoption.PREFERRED)).isEqualTo(NineGridZone.RED);
        assertThat(NineGridZone.of(9, Adoption.SECONDARY)).isEqualTo(NineGridZone.RED);
        assertThat(NineGridZone.of(8, Adoption.COMPETITOR)).isEqualTo(NineGridZone.YELLOW);
        assertThat(NineGridZone.of(7, Adoption.NOT_USING)).isEqualTo(NineGridZone.YELLOW);
    }

    @Test
    void lower_potential_or_an_unknown_part_has_no_zone() {
        assertThat(NineGridZone.of(6, Adoption.PREFERRED)).isEqualTo(NineGridZone.NONE);
        assertThat(NineGridZone.of(1, Adoption.NOT_USING)).isEqualTo(NineGridZone.NONE);
        assertThat(NineGridZone.of(null, Adoption.PREFERRED)).isEqualTo(NineGridZone.NONE);
        assertThat(NineGridZone.of(9, null)).isEqualTo(NineGridZone.NONE);
    }
}
