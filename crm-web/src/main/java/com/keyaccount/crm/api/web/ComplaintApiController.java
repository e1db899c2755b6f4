package com.keyaccount.crm.api.web;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.ComplaintRefusedException;
import com.keyaccount.crm.complaint.ComplaintText;
import com.keyaccount.crm.complaint.application.Complaints;
import com.keyaccount.crm.complaint.application.NewComplaint;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.shared.ControlCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service desk (or the ERP) records a complaint: the same checks as the form, every problem
 * named by its field; the deadlines are computed as for any other. {@code requestId} makes a
 * retried request record one complaint (201 the first time, 200 with the same id after).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Complaints", description = "Complaints from a service desk")
class ComplaintApiController {

    private final Complaints complaints;

    ComplaintApiController(Complaints complaints) {
        this.complaints = complaints;
    }

    /** The request body; codes as in the export's documentation, e.g. {@code "severity": "CRITICAL"}. */
    @Schema(name = "ComplaintRequest")
    record ComplaintRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "C00042") String customerCode,
            @Schema(nullable = true, implementation = ComplaintChannel.class, description = "default SERVICE_DESK")
            String channel,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = ComplaintCategory.class) String category,
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = Severity.class,
                    description = "sets the answer and resolution deadlines with the customer's tier") String severity,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = ComplaintText.MAX,
                    description = "line breaks allowed, no other control characters") String description,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "[A-Za-z0-9._:-]{1,60}", description = "the sender's "
                    + "id of this request: sending it again records no second complaint", example = "SD-2026-00017")
            String requestId) {
    }

    /** The complaint recorded (or recorded before, for a retried requestId). */
    record ComplaintRecorded(long id) {
    }

    @PostMapping("/complaints")
    @Operation(operationId = "recordComplaint", summary = "Record a complaint", description = """
            The complaint is the customer's manager's, with deadlines computed from the customer's tier and the \
            severity as for one recorded on the page.""")
    @ApiResponse(responseCode = "201", description = "Recorded.")
    @ApiResponse(responseCode = "200", description = "This requestId was recorded before; its complaint's id.")
    @ApiResponse(responseCode = "400", description = "Nothing was recorded; every problem is listed by field.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ComplaintRecorded> record(@RequestBody ComplaintRequest request, Principal client) {
        if (request == null) {
            throw ApiProblems.invalid("MALFORMED_JSON", "The body is empty.");
        }
        List<ApiError> errors = new ArrayList<>();
        required(errors, "customerCode", request.customerCode());
        ComplaintChannel channel = code(errors, "channel", request.channel(), ComplaintChannel.class,
                ComplaintChannel.SERVICE_DESK);
        ComplaintCategory category = code(errors, "category", request.category(), ComplaintCategory.class, null);
        Severity severity = code(errors, "severity", request.severity(), Severity.class, null);
        if (required(errors, "description", request.description())) {
            if (request.description().length() > ComplaintText.MAX) {
                errors.add(new ApiError(null, "description", null, "TOO_LONG",
                        "At most " + ComplaintText.MAX + " characters."));
            } else if (!ControlCharacters.absentFrom(request.description(), true)) {
                errors.add(new ApiError(null, "description", null, "CONTROL_CHARACTERS",
                        "Control characters are not allowed."));
            }
        }
        if (required(errors, "requestId", request.requestId()) && !request.requestId().matches("[A-Za-z0-9._:-]{1,60}")) {
            errors.add(new ApiError(null, "requestId", request.requestId(), "INVALID",
                    "1 to 60 letters, digits, dot, dash, colon or underscore."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblems.invalid(errors);
        }
        String token = "api:" + request.requestId();
        boolean known = complaints.findSubmission(token).isPresent();
        try {
            long id = complaints.recordFromApi(client.getName(), request.customerCode().strip(),
                    new NewComplaint(channel, category, severity, request.description().strip(), null, token));
            return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.CREATED).body(new ComplaintRecorded(id));
        } catch (CustomerNotFoundException e) {
            throw ApiProblems.invalid(List.of(new ApiError(null, "customerCode", request.customerCode(),
                    "UNKNOWN_CUSTOMER", "No customer has this code.")));
        } catch (ComplaintRefusedException e) {
            throw ApiProblems.invalid(List.of(new ApiError(null, e.field(), null, e.code(), "Refused.")));
        } catch (DataIntegrityViolationException sameRequestMeanwhile) {
            return complaints.findSubmission(token).map(id -> ResponseEntity.ok(new ComplaintRecorded(id)))
                    .orElseThrow(() -> sameRequestMeanwhile);
        }
    }

    private static boolean required(List<ApiError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new ApiError(null, field, null, "REQUIRED", "Required."));
            return false;
        }
        return true;
    }

    private static <E extends Enum<E>> E code(List<ApiError> errors, String field, String value, Class<E> type,
            E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(new ApiError(null, field, null, "REQUIRED", "Required."));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiError(null, field, value, "UNKNOWN_CODE", "One of " + Arrays.toString(
                    type.getEnumConstants()) + "."));
            return null;
        }
    }
}
