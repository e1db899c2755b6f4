package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.rules.Severity;

/**
 * A complaint to record; no deadlines: they are computed. {@code submissionToken} identifies the
 * form (or API request) it came from: sent twice, it records one complaint.
 */
public record NewComplaint(ComplaintChannel channel, ComplaintCategory category, Severity severity,
        String description, Long contactId, String submissionToken) {
}
