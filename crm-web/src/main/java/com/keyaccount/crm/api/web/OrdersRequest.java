package com.keyaccount.crm.api.web;

import java.util.List;

/** {@code {"orders": [...]}}: at most {@link OrderApiController#MAX_ORDERS} orders per request. */
public record OrdersRequest(List<OrderPayload> orders) {
}
