package com.keyaccount.crm.api.web;

/** One problem with a request: which order (index in the batch), which field, why. */
public record ApiError(Long index, String field, String value, String reason, String message) {
}
