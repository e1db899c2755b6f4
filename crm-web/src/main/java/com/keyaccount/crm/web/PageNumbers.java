package com.keyaccount.crm.web;

/**
 * Page numbers come from the address bar, so any int can arrive. Hibernate takes the first row
 * as an int, and {@code page × size} past it failed the page (?page=2147483647 was a 500). Pages
 * are bounded here, below any overflow; a page past the end shows the last one (the callers that
 * know the total ask {@link #last}).
 */
public final class PageNumbers {

    /** Ten million rows: far past any list here, and {@code MAX_ROWS + size} still fits an int. */
    static final int MAX_ROWS = 10_000_000;

    private PageNumbers() {
    }

    /** The requested page, not below the first nor past {@link #MAX_ROWS} rows. */
    public static int bounded(int requested, int pageSize) {
        return Math.max(0, Math.min(requested, MAX_ROWS / Math.max(1, pageSize)));
    }

    /** The last page's number for this many rows (0 when there are none). */
    public static int last(long total, int pageSize) {
        return total <= 0 ? 0 : (int) Math.min((total - 1) / Math.max(1, pageSize), MAX_ROWS);
    }
}
