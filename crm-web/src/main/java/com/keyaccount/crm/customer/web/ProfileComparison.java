package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.shared.RecordFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;

/**
 * A conflict page's table: each field of a record (a customer's profile, a contact's details) with
 * the user's input beside the saved value.
 */
final class ProfileComparison {

    /** {@code label} is the message key naming the field. */
    record Row(String field, String label, String mine, String current, boolean differs) {
    }

    private static final Map<Class<?>, String> ENUM_MESSAGE_PREFIX = Map.of(
            Industry.class, "industry", Region.class, "region", CustomerStatus.class, "status",
            DecisionRole.class, "role");

    private ProfileComparison() {
    }

    static List<Row> rows(CustomerProfile mine, CustomerProfile current, MessageSource messages, Locale locale) {
        return rows(mine, current, field -> "customer." + field, messages, locale);
    }

    static List<Row> rows(ContactDetails mine, ContactDetails current, MessageSource messages, Locale locale) {
        // the contact's "title" is its job title; the form labels it so
        return rows(mine, current, field -> "contact." + ("title".equals(field) ? "jobTitle" : field), messages,
                locale);
    }

    private static <R extends Record> List<Row> rows(R mine, R current, UnaryOperator<String> label,
            MessageSource messages, Locale locale) {
        List<Row> rows = new ArrayList<>();
        Map<String, Object> saved = RecordFields.of(current);
        RecordFields.of(mine).forEach((field, a) -> {
            Object b = saved.get(field);
            rows.add(new Row(field, label.apply(field), text(field, a, messages, locale),
                    text(field, b, messages, locale), !same(a, b)));
        });
        return rows;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(String field, Object value, MessageSource messages, Locale locale) {
        if (value == null) {
            return "";
        }
        if (Place.FIELDS.contains(field)) {
            // a province's or city's code, in words
            return Objects.requireNonNullElse(ChinaDivisions.get().name(value.toString(), locale), value.toString());
        }
        if (value instanceof Enum<?> e) {
            String prefix = ENUM_MESSAGE_PREFIX.get(e.getDeclaringClass());
            return messages.getMessage(prefix + "." + e.name(), null, e.name(), locale);
        }
        if (value instanceof Boolean flag) {
            return messages.getMessage(flag ? "form.yes" : "form.no", null, locale);
        }
        return value.toString();
    }
}
