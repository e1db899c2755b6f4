package com.keyaccount.crm.architecture.violations.one.web;

import com.keyaccount.crm.architecture.violations.two.web.TwoForm;

/** A deliberate violation: one feature's controller uses another feature's form. */
public class OneController {

    public String show(TwoForm form) {
        return form.name();
    }
}
