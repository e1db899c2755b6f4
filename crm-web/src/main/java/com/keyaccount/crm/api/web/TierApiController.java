package com.keyaccount.crm.api.web;

import com.keyaccount.crm.api.ErpTiers;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.web.PageNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ERP reads customers' tiers: all of them a page at a time, or one by code. */
@RestController
@RequestMapping("/api/v1/customers")
@RequiredArgsConstructor
@Tag(name = "Tiers", description = "Customers' tiers as the CRM classified them")
class TierApiController {

    static final int MAX_PAGE = 5_000;

    private final ErpTiers tiers;

    /** One customer's tier as the API shows it; the tier fields are null until the first recompute. */
    @Schema(name = "CustomerTier")
    record CustomerTier(
            @Schema(example = "C00042") String code,
            @Schema(example = "南京嘉禾农业科技有限公司") String name,
            @Schema(nullable = true, implementation = Tier.class, description = "the tier in force: pinned, else computed")
            String tier,
            @Schema(nullable = true, implementation = Tier.class) String computedTier,
            @Schema(nullable = true, implementation = Tier.class, description = "set by a director, with a reason")
            String pinnedTier,
            @Schema(nullable = true, description = "the tier policy version that computed it") Integer policyVersion,
            @Schema(nullable = true, format = "date-time", example = "2026-11-22T18:00:00Z") String computedAt) {

        static CustomerTier of(ErpTiers.CustomerTier tier) {
            return new CustomerTier(tier.code(), tier.name(), tier.tier(), tier.computedTier(), tier.pinnedTier(),
                    tier.policyVersion(), tier.computedAt());
        }
    }

    /** One page of customers in code order. */
    record TierPage(@Schema(description = "the page returned (past the last: the last)") int page, int size,
            List<CustomerTier> customers) {
    }

    @GetMapping("/tiers")
    @Operation(operationId = "listTiers", summary = "Every customer's tier, ordered by code, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page; a page past the last answers the last.")
    @ApiResponse(responseCode = "400", description = "page or size is not a number.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    TierPage tiers(
            @Parameter(description = "from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0",
                    defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "customers per page; more than 5,000 gives 5,000", schema = @Schema(
                    type = "integer", format = "int32", minimum = "1", maximum = "5000", defaultValue = "1000"))
            @RequestParam(defaultValue = "1000") int size) {
        int safeSize = Math.max(1, Math.min(MAX_PAGE, size));
        int safePage = PageNumbers.bounded(page, safeSize);
        return new TierPage(safePage, safeSize, tiers.page(safePage, safeSize).stream().map(CustomerTier::of).toList());
    }

    @GetMapping("/{code}/tier")
    @Operation(operationId = "getTier", summary = "One customer's tier")
    @ApiResponse(responseCode = "200", description = "The tier.")
    @ApiResponse(responseCode = "404", description = "No customer has this code.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    CustomerTier tier(@PathVariable String code) {
        // no code holds a control character; PostgreSQL would refuse the query over a NUL
        Optional<ErpTiers.CustomerTier> tier = ControlCharacters.absentFrom(code, false) ? tiers.byCode(code)
                : Optional.empty();
        return tier.map(CustomerTier::of).orElseThrow(() -> ApiProblems.notFound("No customer has this code."));
    }
}
