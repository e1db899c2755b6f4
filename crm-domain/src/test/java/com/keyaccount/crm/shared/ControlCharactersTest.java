package com.keyaccount.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void nul_and_other_control_characters_are_refused_and_line_breaks_only_where_text_spans_lines() {
        assertThat(ControlCharacters.absentFrom("上海 Pudong", false)).isTrue();
        assertThat(ControlCharacters.absentFrom("a\u0000b", true)).isFalse();
        assertThat(ControlCharacters.absentFrom("a\u0007b", true)).isFalse();
        assertThat(ControlCharacters.absentFrom("a\u007Fb", true)).isFalse();
        assertThat(ControlCharacters.absentFrom("one\r\ntwo\tthree", true)).isTrue();
        assertThat(ControlCharacters.absentFrom("one\ntwo", false)).isFalse();
        assertThat(ControlCharacters.absentFrom(null, false)).isTrue();
    }

    @Test
    void a_refused_value_can_be_shown_and_a_search_term_is_cleaned() {
        assertThat(ControlCharacters.visible("a\u0000b\nc")).isEqualTo("a\u2400b\nc");
        assertThat(ControlCharacters.removedFrom("C-\u00001\t")).isEqualTo("C-1");
    }
}
