package com.keyaccount.crm.followup.application;

import java.util.regex.Pattern;

/**
 * The person to call about a due customer: of the customer's contacts, one with a phone number
 * first, then the decision maker before a user before an advisor, then the first added.
 *
 * @param phone as typed, or null
 */
public record MainContact(String name, String phone) {

    /** Where a typed number's extension starts (转 12, ext. 12, x12), which a tel: link cannot dial. */
    private static final Pattern EXTENSION = Pattern.compile("(转|分机|ext|x|X|,|;).*$");

    /** {@code tel:} for the contact's number, or null when there is none worth dialling. */
    public String phoneUri() {
        return telUri(phone);
    }

    /** Digits and a leading +, as a phone dials them: "025-8888 1234" → tel:02588881234. */
    static String telUri(String typed) {
        if (typed == null) {
            return null;
        }
        String number = EXTENSION.matcher(typed.strip()).replaceFirst("");
        boolean international = number.startsWith("+");
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() < 3 ? null : "tel:" + (international ? "+" : "") + digits;
    }
}
