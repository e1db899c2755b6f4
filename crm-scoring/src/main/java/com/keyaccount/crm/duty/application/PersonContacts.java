package com.keyaccount.crm.duty.application;

/**
 * The contacts that count for a person: those they logged and the joint visits (协访) that name
 * them, as one derived table of (customer_id, person, channel, occurred_at). Both halves read by
 * index: the log by author, the joint visits by the colleague named.
 */
final class PersonContacts {

    private PersonContacts() {
    }

    /**
     * SQL for the contacts of the people {@code people} names (a condition on a person column,
     * written with {@code %s} for the column), of the channels in {@code channels} (a condition on
     * {@code l.channel}), from {@code :since} on (and before {@code :until} where {@code bounded}).
     */
    static String of(String people, String channels, boolean bounded) {
        String until = bounded ? " AND l.occurred_at < :until" : "";
        return """
                SELECT l.customer_id, l.author_id AS person, l.channel, l.occurred_at FROM contact_log l
                WHERE %s AND %s AND l.occurred_at >= :since%s
                UNION ALL
                SELECT l.customer_id, p.user_id AS person, l.channel, l.occurred_at
                FROM contact_participant p JOIN contact_log l ON l.id = p.contact_log_id
                WHERE %s AND %s AND l.occurred_at >= :since%s""".formatted(people.formatted("l.author_id"), channels,
                until, people.formatted("p.user_id"), channels, until);
    }
}
