package com.keyaccount.crm.api.web;

import com.keyaccount.crm.api.ErpTiers;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.web.PageNumbers;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ERP reads customers' tiers: all of them a page at a time, or one by code. */
@RestController
@RequestMapping("/api/v1/customers")
@RequiredArgsConstructor
class TierApiController {

    static final int MAX_PAGE = 5_000;

    private final ErpTiers tiers;

    @GetMapping("/tiers")
    Map<String, Object> tiers(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        int safeSize = Math.max(1, Math.min(MAX_PAGE, size));
        int safePage = PageNumbers.bounded(page, safeSize);
        return Map.of("page", safePage, "size", safeSize, "customers", tiers.page(safePage, safeSize));
    }

    @GetMapping("/{code}/tier")
    ResponseEntity<?> tier(@PathVariable String code) {
        // no code holds a control character; PostgreSQL would refuse the query over a NUL
        Optional<ErpTiers.CustomerTier> tier = ControlCharacters.absentFrom(code, false) ? tiers.byCode(code)
                : Optional.empty();
        return tier.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no customer with this code")));
    }
}
