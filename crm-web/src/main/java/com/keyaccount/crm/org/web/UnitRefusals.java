package com.keyaccount.crm.org.web;

import com.keyaccount.crm.org.OrgRefusedException;
import org.springframework.validation.BindingResult;

/** Which field an organisation rule's refusal is shown beside. */
final class UnitRefusals {

    private UnitRefusals() {
    }

    static void reject(BindingResult result, OrgRefusedException e, String placeField) {
        String code = "org.refused." + e.reason();
        switch (e.reason()) {
            case NAME_BLANK, NAME_TOO_LONG, NAME_INVALID, NAME_TAKEN -> result.rejectValue("name", code);
            case LEVEL -> result.rejectValue(placeField, code);
            case CYCLE, COMPANY -> result.rejectValue("parentId", code);
            default -> result.reject(code);
        }
    }
}
