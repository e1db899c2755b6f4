package com.keyaccount.crm.architecture.violations.two.web;

/** Another feature's form, reached into by {@code OneController}. */
public record TwoForm(String name) {
}
