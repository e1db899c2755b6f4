package com.keyaccount.crm.sales.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One sales line with the optional columns: credit notes, product lines, cost and margin. */
class SalesLineParserTest {

    private final SalesLineParser creating = new SalesLineParser(Map.of("C1", 7L), Set.of("PUMPS"), true);
    private final SalesLineParser refusing = new SalesLineParser(Map.of("C1", 7L), Set.of("PUMPS"), false);
    private final List<LineError> errors = new ArrayList<>();

    @Test
    void a_negative_amount_is_a_credit_note_that_may_name_its_order_and_zero_is_a_sale() {
        SalesLine credit = parse(creating, Map.of("amount", "-1,200.50", "refers_to", " SO-1 ")).orElseThrow();
        assertThat(credit.creditNote()).isTrue();
        assertThat(credit.amount()).isEqualByComparingTo("-1200.50");
        assertThat(credit.refersTo()).isEqualTo("SO-1");
        assertThat(parse(creating, Map.of("amount", "0.00")).orElseThrow().creditNote()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void a_sale_may_not_name_an_order_not_even_one_of_zero() {
        assertThat(parse(creating, Map.of("amount", "0.00", "refers_to", "SO-1"))).isEmpty();
        assertThat(errors).extracting(LineError::column, LineError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("refers_to", Reason.REFERS_TO_ON_SALE));
    }

    @Test
    void cost_gives_the_margin_a_sale_loses_it_and_a_credit_note_gets_it_back() {
        assertThat(parse(creating, Map.of("amount", "100", "cost", "60")).orElseThrow().margin())
                .isEqualByComparingTo("40");
        assertThat(parse(creating, Map.of("amount", "-100", "cost", "60")).orElseThrow().margin())
                .isEqualByComparingTo("-40");
        assertThat(parse(creating, Map.of("amount", "100", "cost", "60", "margin", "40.00")).orElseThrow().margin())
                .isEqualByComparingTo("40");
        assertThat(parse(creating, Map.of("amount", "100")).orElseThrow().margin()).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void a_margin_beyond_the_amount_a_negative_cost_and_a_margin_that_disagrees_with_the_cost_are_refused() {
        assertThat(parse(creating, Map.of("amount", "100", "margin", "100.01"))).isEmpty();
        assertThat(parse(creating, Map.of("amount", "100", "margin", "-500"))).isPresent();
        assertThat(parse(creating, Map.of("amount", "-100", "margin", "-100.01"))).isEmpty();
        assertThat(parse(creating, Map.of("amount", "-100", "margin", "30"))).isPresent();
        assertThat(parse(creating, Map.of("amount", "100", "cost", "-1"))).isEmpty();
        assertThat(parse(creating, Map.of("amount", "1000", "cost", "300", "margin", "600"))).isEmpty();
        assertThat(errors).extracting(LineError::reason).containsExactly(Reason.MARGIN_EXCEEDS_AMOUNT,
                Reason.MARGIN_EXCEEDS_AMOUNT, Reason.NEGATIVE_COST, Reason.MARGIN_MISMATCH);
        assertThat(errors.get(3).detail()).isEqualTo("700.00");
    }

    @Test
    void a_product_line_code_is_trimmed_kept_to_40_characters_on_one_line_and_unknown_only_when_creation_is_off() {
        assertThat(parse(creating, Map.of("amount", "1", "product_line", " NEW ")).orElseThrow().productLineCode())
                .isEqualTo("NEW");
        assertThat(parse(refusing, Map.of("amount", "1", "product_line", "PUMPS"))).isPresent();
        assertThat(errors).isEmpty();
        assertThat(parse(refusing, Map.of("amount", "1", "product_line", "NEW"))).isEmpty();
        assertThat(parse(creating, Map.of("amount", "1", "product_line", "x".repeat(41)))).isEmpty();
        assertThat(parse(creating, Map.of("amount", "1", "product_line", "A\tB"))).isEmpty();
        assertThat(errors).extracting(LineError::reason).containsExactly(Reason.UNKNOWN_PRODUCT_LINE,
                Reason.TOO_LONG, Reason.CONTROL_CHARACTER);
    }

    private Optional<SalesLine> parse(SalesLineParser parser, Map<String, String> optional) {
        Map<String, String> cells = new HashMap<>(Map.of("customer_code", "C1", "order_no", "SO-9",
                "order_date", "2026-03-01"));
        cells.putAll(optional);
        return parser.parse(2, cells, errors::add);
    }
}
