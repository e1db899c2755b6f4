package com.keyaccount.crm.api.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code {"orders": [...]}}: at most {@link OrderApiController#MAX_ORDERS} orders per request. */
public record OrdersRequest(
        @ArraySchema(minItems = 1, maxItems = OrderApiController.MAX_ORDERS,
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<OrderPayload> orders) {
}
