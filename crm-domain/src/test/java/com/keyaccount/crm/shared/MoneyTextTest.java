package com.keyaccount.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money the way people type it into 年销售额 and ERPs write it into files. */
class MoneyTextTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "12500000          | 12500000",
        "'12,500,000'      | 12500000",
        "'12,500,000.00'   | 12500000",
        "'¥1,234.50'       | 1234.5",
        "￥99              | 99",
        "-¥99              | -99",
        "¥-99              | -99",
        "-611.34           | -611.34",
        "1250万            | 12500000",
        "3.5 万元          | 35000",
        "0.0001万          | 1",
        "1,234元           | 1234",
        "'１２,５００'     | 12500",
        "' 12 500 000 '    | 12500000",
        "0.00              | 0",
    })
    void reads(String typed, BigDecimal expected) {
        assertThat(MoneyText.parse(typed)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "{0} is not money")
    @ValueSource(strings = {"", "abc", "1.234", "12,50,000", "1,2345", "0.0000001万", "--5", "-¥-5", "1e5", "12.5.1",
        "¥", "万", "1万万", "NaN", "0x10", "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０"})
    void refuses(String typed) {
        assertThat(MoneyText.parse(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void never_reads_more_than_two_decimals() {
        assertThat(MoneyText.parse("1.23万")).hasValueSatisfying(v -> assertThat(v.scale()).isLessThanOrEqualTo(2));
        assertThat(MoneyText.parse(null)).isEmpty();
    }
}
