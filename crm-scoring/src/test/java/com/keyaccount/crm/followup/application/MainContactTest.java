package com.keyaccount.crm.followup.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tap-to-call link of a number as people type it in China. */
class MainContactTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "025-8888 1234        | tel:02588881234",
            "  0510-55026404      | tel:051055026404",
            "+86 138 0013 8000    | tel:+8613800138000",
            "025-88881234转12     | tel:02588881234",
            "025-88881234 分机 12 | tel:02588881234",
            "025-88881234 ext. 12 | tel:02588881234",
            "025-88881234 Ext 12  | tel:02588881234",
            "025-88881234x12      | tel:02588881234",
            "025-88881234, 12     | tel:02588881234",
            "025-88881234;12      | tel:02588881234",
            "(010) 6512-3456      | tel:01065123456",
            "12                   | NONE",
            "转 12345             | NONE",
            "电话待补             | NONE"})
    void a_typed_number_dials_its_digits_without_the_extension(String typed, String uri) {
        assertThat(new MainContact("王总", typed).phoneUri()).isEqualTo(uri);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"NONE"})
    void no_number_no_link(String typed) {
        assertThat(new MainContact("王总", typed).phoneUri()).isNull();
    }
}
