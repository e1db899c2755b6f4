package com.keyaccount.crm.auditlog.web;

import com.keyaccount.crm.auditlog.AuditLog;
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
        return new AuditLog.Filter(FormText.blankToNull(actor), FormText.blankToNull(customer),
                FormText.blankToNull(entityType), from, to);
    }
}
