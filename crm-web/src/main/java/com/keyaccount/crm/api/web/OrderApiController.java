package com.keyaccount.crm.api.web;

import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.sales.importing.RejectedOrdersException;
import com.keyaccount.crm.sales.importing.SalesImports;
import com.keyaccount.crm.sales.importing.SalesImports.PushResult;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ERP pushes orders and payments (a payment is the order pushed again with its paid date),
 * credit notes and returns, with their product lines and margins. Same checks, errors and
 * idempotency as the CSV import; a batch is written whole or not at all.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class OrderApiController {

    static final int MAX_ORDERS = 10_000;

    private final SalesImports sales;
    private final MessageSource messages;

    @PostMapping("/orders")
    ResponseEntity<?> push(@RequestBody OrdersRequest request, Principal client) {
        List<OrderPayload> orders = request == null || request.orders() == null ? List.of() : request.orders();
        if (orders.isEmpty() || orders.size() > MAX_ORDERS) {
            return badRequest(List.of(new ApiError(null, "orders", String.valueOf(orders.size()), "BATCH_SIZE",
                    "Send between 1 and " + MAX_ORDERS + " orders.")));
        }
        if (orders.stream().anyMatch(order -> order == null)) {
            return badRequest(List.of(new ApiError(null, "orders", null, "NULL_ORDER", "An order is null.")));
        }
        try {
            PushResult result = sales.push(client.getName(), orders.stream().map(OrderPayload::cells).toList());
            return ResponseEntity.ok(result);
        } catch (RejectedOrdersException e) {
            return badRequest(e.errors().stream().map(this::apiError).toList());
        }
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable() {
        return badRequest(List.of(new ApiError(null, null, null, "MALFORMED_JSON",
                "The body is not the JSON this endpoint expects.")));
    }

    private ApiError apiError(LineError error) {
        return new ApiError(error.lineNo(), OrderPayload.FIELDS.getOrDefault(error.column(), error.column()),
                error.value(), error.reason().name(),
                messages.getMessage("import.reason." + error.reason(), new Object[] {error.detail()}, Locale.ENGLISH));
    }

    private static ResponseEntity<?> badRequest(List<ApiError> errors) {
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }
}
