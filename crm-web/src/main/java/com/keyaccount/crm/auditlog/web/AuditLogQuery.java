package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.auditlog.AuditLog;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.web.FormText;
import jakarta.validation.constraints.AssertTrue;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The audit viewer's filters as the form sends them. */
@Getter
@Setter
public class AuditLogQuery {

    private String actor;
    private String customer;
    private String entityType;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private int page;

    @AssertTrue(message = "{audit.period.order}")
    public boolean isInOrder() {
        return from == null || to == null || !from.isAfter(to);
    }

    AuditLog.Filter filter() {
        // a control character can match nothing stored; dropped rather than sent to the database
        return new AuditLog.Filter(searched(actor), searched(customer), searched(entityType), from, to);
    }

    private static String searched(String term) {
        return FormText.blankToNull(ControlCharacters.removedFrom(term));
    }
}
