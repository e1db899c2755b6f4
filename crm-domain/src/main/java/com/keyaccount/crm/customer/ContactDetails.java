package com.keyaccount.crm.customer;

import java.time.LocalDate;

/** The editable fields of a contact person (联系人). */
public record ContactDetails(
        String name,
        String title,
        DecisionRole decisionRole,
        String phone,
        String email,
        LocalDate birthday,
        LocalDate anniversary,
        String notes) {
}
