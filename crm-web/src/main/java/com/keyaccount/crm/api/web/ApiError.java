package com.keyaccount.crm.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** One problem with a request: which order (index in the batch), which field, why. */
@Schema(name = "FieldError", description = "One problem with the request")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(
        @Schema(description = "position of the order in the batch (0 = the first); null for the whole request",
                nullable = true)
        Long index,
        @Schema(description = "the JSON field, e.g. orderDate; null for the whole request", nullable = true)
        String field,
        @Schema(description = "the value that was sent, where it helps", nullable = true)
        String value,
        @Schema(description = """
                a code to act on: MISSING, REQUIRED, UNKNOWN_CUSTOMER, UNKNOWN_CODE, TOO_LONG, INVALID, BAD_DATE, \
                BAD_AMOUNT, PAID_BEFORE_ORDER, DUE_BEFORE_ORDER, DUPLICATE_ORDER, CONTROL_CHARACTER, \
                CONTROL_CHARACTERS, REFERS_TO_ON_SALE, UNKNOWN_ORDER, CREDIT_EXCEEDS_ORDER (the message says the \
                order's amount), UNKNOWN_PRODUCT_LINE, NEGATIVE_COST, MARGIN_EXCEEDS_AMOUNT, MARGIN_MISMATCH; for \
                the whole request BATCH_SIZE, NULL_ORDER, MALFORMED_JSON""", example = "CREDIT_EXCEEDS_ORDER")
        String reason,
        @Schema(description = "the same in English, for a person",
                example = "With the other credit notes and returns for this order, more than the order amount of 40.00.")
        String message) {
}
