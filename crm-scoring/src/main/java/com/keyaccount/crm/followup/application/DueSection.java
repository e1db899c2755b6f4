package com.keyaccount.crm.followup.application;

import java.util.List;

/** One part of My day (overdue, today, this week): the first rows and how many there are. */
public record DueSection(Bucket bucket, List<DueCustomer> rows, long total) {

    public enum Bucket {
        OVERDUE,
        TODAY,
        WEEK
    }

    public boolean hasMore() {
        return total > rows.size();
    }
}
