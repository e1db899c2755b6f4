package com.keyaccount.crm.followup.application;

import java.util.List;

/**
 * The person to call about a due customer: of the customer's contacts, one with a phone number
 * first, then the decision maker before a user before an advisor, then the first added.
 *
 * @param phone as typed, or null
 */
public record MainContact(String name, String phone) {

    /**
     * Where a typed number's extension starts (转 12, ext. 12, x12), which a tel: link cannot dial
     * ("ext" is cut at its x: the e is no digit either).
     */
    private static final List<String> EXTENSION = List.of("转", "分机", "x", "X", ",", ";");

    /** {@code tel:} for the contact's number, or null when there is none worth dialling. */
    public String phoneUri() {
        return telUri(phone);
    }

    /**
     * Digits and a leading +, as a phone dials them: "025-8888 1234" → tel:02588881234. A loop, not
     * regular expressions: My day asks it several times for each of its rows.
     */
    static String telUri(String typed) {
        if (typed == null) {
            return null;
        }
        String number = typed.strip();
        int end = number.length();
        for (String marker : EXTENSION) {
            int at = number.indexOf(marker);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        StringBuilder uri = new StringBuilder("tel:");
        if (number.startsWith("+")) {
            uri.append('+');
        }
        int digits = 0;
        for (int i = 0; i < end; i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                uri.append(c);
                digits++;
            }
        }
        return digits < 3 ? null : uri.toString();
    }
}
