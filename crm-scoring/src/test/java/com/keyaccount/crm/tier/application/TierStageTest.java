package com.keyaccount.crm.tier.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The COPY cells: what PostgreSQL's CSV reader takes back as the same value. */
class TierStageTest {

    @Test
    void null_is_an_empty_cell_and_text_is_quoted_so_an_empty_text_stays_text() {
        assertThat(TierStage.cell(null)).isEmpty();
        assertThat(TierStage.cell("")).isEqualTo("\"\"");
        assertThat(TierStage.cell("A")).isEqualTo("\"A\"");
    }

    @Test
    void quotes_commas_and_line_breaks_in_criterion_names_survive() {
        assertThat(TierStage.cell("回款,\"快\"=30\n")).isEqualTo("\"回款,\"\"快\"\"=30\n\"");
    }

    @Test
    void numbers_are_plain_and_times_carry_their_offset() {
        assertThat(TierStage.cell(new BigDecimal("1E+5"))).isEqualTo("100000");
        assertThat(TierStage.cell(new BigDecimal("0.795000"))).isEqualTo("0.795000");
        assertThat(TierStage.cell(42L)).isEqualTo("42");
        assertThat(TierStage.cell(OffsetDateTime.of(2026, 11, 22, 2, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-11-22T02:00:00Z");
    }
}
