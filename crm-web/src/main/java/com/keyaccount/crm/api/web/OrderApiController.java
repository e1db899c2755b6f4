package com.keyaccount.crm.api.web;

import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.sales.importing.RejectedOrdersException;
import com.keyaccount.crm.sales.importing.SalesImports;
import com.keyaccount.crm.sales.importing.SalesImports.PushResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
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
@Tag(name = "Orders", description = "Sales, payments, credit notes and returns from the ERP")
class OrderApiController {

    static final int MAX_ORDERS = 10_000;

    private final SalesImports sales;
    private final MessageSource messages;

    @PostMapping("/orders")
    @Operation(operationId = "pushOrders", summary = "Create or update orders (1 to 10,000 per request)", description = """
            Every order gets the checks of the CSV sales import. A line is identified by customer, orderNo and \
            productLine, so pushing the same line twice changes nothing and pushing it with other values updates \
            it (a payment is the line pushed again with its paidDate). The batch is written whole or not at all; \
            then tiers are recomputed. Every batch is listed among the sales imports (file name API), a refused \
            one with its problems.""")
    @ApiResponse(responseCode = "200", description = "The batch was written.")
    @ApiResponse(responseCode = "400", description = "Nothing was written; every problem is listed by order and field.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    PushResult push(@RequestBody OrdersRequest request, Principal client) {
        List<OrderPayload> orders = request == null || request.orders() == null ? List.of() : request.orders();
        if (orders.isEmpty() || orders.size() > MAX_ORDERS) {
            throw ApiProblems.invalid(List.of(new ApiError(null, "orders", String.valueOf(orders.size()), "BATCH_SIZE",
                    "Send between 1 and " + MAX_ORDERS + " orders.")));
        }
        if (orders.stream().anyMatch(order -> order == null)) {
            throw ApiProblems.invalid(List.of(new ApiError(null, "orders", null, "NULL_ORDER", "An order is null.")));
        }
        try {
            return sales.push(client.getName(), orders.stream().map(OrderPayload::cells).toList());
        } catch (RejectedOrdersException e) {
            throw ApiProblems.invalid(e.errors().stream().map(this::apiError).toList());
        }
    }

    private ApiError apiError(LineError error) {
        return new ApiError(error.lineNo(), OrderPayload.FIELDS.getOrDefault(error.column(), error.column()),
                error.value(), error.reason().name(),
                messages.getMessage("import.reason." + error.reason(), new Object[] {error.detail()}, Locale.ENGLISH));
    }
}
