package com.keyaccount.crm.web;

/**
 * Forms opened from My day carry {@code back=my-day} so that saving returns there. Only this one
 * known value is honoured, never a URL from the request: no open redirect.
 */
public final class BackToMyDay {

    public static final String PARAM_VALUE = "my-day";

    private BackToMyDay() {
    }

    public static boolean requested(String back) {
        return PARAM_VALUE.equals(back);
    }
}
