package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an export does to a cell, an import undoes exactly, whatever the text. */
class SpreadsheetTextTest {

    private static final List<String> TEXTS = List.of("", "'", "''", "abc", "'abc", "'123", "=1+2", "+1 (23) 4",
            "-5", "@sum", "\tx", "\rx", "'=x", "''=x", "'+", "=", "上海", "'上海");

    @Test
    void restoring_a_neutralised_cell_gives_back_the_text() {
        for (String text : TEXTS) {
            assertThat(SpreadsheetText.restore(SpreadsheetText.neutralise(text))).as(text).isEqualTo(text);
        }
    }

    @Test
    void only_cells_that_start_like_formulas_get_and_lose_the_apostrophe() {
        assertThat(SpreadsheetText.neutralise("+1 (23) 4")).isEqualTo("'+1 (23) 4");
        assertThat(SpreadsheetText.neutralise("'abc")).isEqualTo("'abc");
        assertThat(SpreadsheetText.restore("'+1 (23) 4")).isEqualTo("+1 (23) 4");
        assertThat(SpreadsheetText.restore("'abc")).isEqualTo("'abc");
        assertThat(SpreadsheetText.restore("'")).isEqualTo("'");
        assertThat(SpreadsheetText.restore(null)).isNull();
    }
}
