package com.keyaccount.crm.api.web;

import com.keyaccount.crm.tier.TierNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tiers in force, top first, with the company's names for them: what the codes the API returns mean. */
@RestController
@RequestMapping("/api/v1/tiers")
@RequiredArgsConstructor
@Tag(name = "Tiers")
class TierLadderApiController {

    private final TierNames names;

    @Schema(name = "TierName")
    record Rung(@Schema(example = "A") String code, @Schema(example = "重要客户") String nameZh,
            @Schema(example = "Key") String nameEn) {
    }

    @Schema(name = "TierNames")
    record Ladder(@Schema(description = "top first") List<Rung> tiers) {
    }

    @GetMapping
    @Operation(operationId = "listTierNames", summary = "The tiers in force, top first, with their names")
    @ApiResponse(responseCode = "200", description = "The tiers.")
    Ladder tiers() {
        return new Ladder(names.ladder().rungs().stream().map(r -> new Rung(r.code(), r.nameZh(), r.nameEn()))
                .toList());
    }
}
