package com.keyaccount.crm.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every error of the ERP API as it goes on the wire, {@code application/problem+json} (RFC 9457):
 * the standard members, and for a refused request the per-field problems as the extension
 * {@code errors}. The contract documents this record, and {@link ApiProblems} writes it, so the
 * two cannot drift apart.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "always about:blank: the status says what kind of problem it is", example = "about:blank")
        String type,
        @Schema(description = "the status's reason phrase", example = "Bad Request")
        String title,
        @Schema(description = "the HTTP status", example = "400")
        int status,
        @Schema(description = "what went wrong, in English, for a person", example = "2 problems; nothing was written.")
        String detail,
        @Schema(description = "the path that was asked for", example = "/api/v1/orders")
        String instance,
        @ArraySchema(arraySchema = @Schema(description = "400 only: every problem of the request, by field; nothing "
                + "was written"))
        List<ApiError> errors) {
}
