package com.keyaccount.crm.storage;

import java.util.Locale;

/**
 * H2's side of migration V55_1: whether a pair of characters stands next to each other in what
 * the search box reads of a customer or a contact, the fields joined with a space as PostgreSQL
 * indexes them.
 */
public final class SearchPairs {

    private SearchPairs() {
    }

    public static Boolean customerHasPair(String name, String code, String phone, String initials, String pair) {
        return joined(name, code, phone, initials).contains(pair);
    }

    public static Boolean contactHasPair(String name, String phone, String pair) {
        return joined(name, phone).contains(pair);
    }

    private static String joined(String... fields) {
        String[] texts = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            texts[i] = fields[i] == null ? "" : fields[i];
        }
        return String.join(" ", texts).toLowerCase(Locale.ROOT);
    }
}
