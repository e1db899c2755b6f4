package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.ComplaintStatus;

/**
 * What the complaints list shows; every part optional.
 *
 * @param status     one status; null with {@code open} false: all
 * @param open       only the open ones (received or answered)
 * @param overdue    only open ones past a deadline
 * @param owner      one account manager's (directors and admins; ignored for a manager)
 * @param customerId one customer's
 */
public record ComplaintFilter(ComplaintStatus status, boolean open, boolean overdue, Long owner, Long customerId) {

    public static final ComplaintFilter ALL = new ComplaintFilter(null, false, false, null, null);
}
