package com.keyaccount.crm.contactlog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Turns what the log form's page handler decided into a {@link LogAnswer}. */
final class LogAnswers {

    private static final String REDIRECT = "redirect:";

    private final MessageSource messages;

    LogAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A redirect means saved: the flash the page would have shown is kept for the page the
     * script opens next (as a redirect keeps it). Otherwise the form came back with its errors.
     */
    ResponseEntity<LogAnswer> of(String view, BindingResult result, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        if (view.startsWith(REDIRECT)) {
            String location = request.getContextPath() + view.substring(REDIRECT.length());
            Object flash = redirect.getFlashAttributes().get("flash");
            FlashMap output = RequestContextUtils.getOutputFlashMap(request);
            output.putAll(redirect.getFlashAttributes());
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            String status = "flash.log.duplicate".equals(flash) ? "duplicate" : "created";
            return ResponseEntity.ok(new LogAnswer(status, location,
                    flash == null ? null : messages.getMessage(flash.toString(), null, locale), null, null));
        }
        boolean stale = response.getStatus() == HttpStatus.CONFLICT.value();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            fields.computeIfAbsent(error.getField(), field -> new ArrayList<>())
                    .add(messages.getMessage(error, locale));
        }
        List<String> errors = result.getGlobalErrors().stream().map(error -> messages.getMessage(error, locale))
                .toList();
        return ResponseEntity.status(stale ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new LogAnswer(stale ? "stale" : "invalid", null,
                        messages.getMessage("form.hasErrors", null, locale), fields, errors));
    }

    /** Missing, deleted or another manager's customer: one answer, as the page's 404 is one. */
    ResponseEntity<LogAnswer> gone(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new LogAnswer("gone", null,
                messages.getMessage("offline.conflict", null, RequestContextUtils.getLocale(request)), null, null));
    }
}
