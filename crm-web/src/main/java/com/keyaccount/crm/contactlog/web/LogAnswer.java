package com.keyaccount.crm.contactlog.web;

import java.util.List;
import java.util.Map;

/**
 * The log form's answer to a script (the phone's outbox): {@code created} or {@code duplicate}
 * (the submission token was stored before: nothing written twice) with where the page would have
 * gone; {@code invalid} or {@code stale} (a prospect re-graded meanwhile) with the messages the
 * page would have shown beside each field; {@code gone}: the customer is not (or no longer) in
 * the user's book.
 */
record LogAnswer(String status, String location, String message, Map<String, List<String>> fieldErrors,
        List<String> errors) {
}
