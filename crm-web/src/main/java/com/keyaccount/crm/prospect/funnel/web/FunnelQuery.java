package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import com.keyaccount.crm.user.Viewer;
import jakarta.validation.constraints.AssertTrue;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The funnel's filters as the form sends them: owner (directors and admins), region, the period
 * (default: the last 90 days) and the days without a stage change that make a prospect stuck
 * (default 30). A value that does not bind or makes no sense is replaced by its default and said so.
 */
@Getter
@Setter
public class FunnelQuery {

    static final int DEFAULT_DAYS = 90;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Long owner;
    private Region region;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Integer stuckDays;

    @AssertTrue(message = "{funnel.period.order}")
    public boolean isInOrder() {
        return from == null || to == null || !from.isAfter(to);
    }

    @AssertTrue(message = "{funnel.period.range}")
    public boolean isInRange() {
        return inRange(from) && inRange(to);
    }

    @AssertTrue(message = "{funnel.stuck.range}")
    public boolean isStuckInRange() {
        return stuckDays == null || stuckDays >= 1 && stuckDays <= FunnelFilter.MOST_STUCK_DAYS;
    }

    private static boolean inRange(LocalDate day) {
        return day == null || !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }

    /** Fills what is missing or wrong with the defaults, so the page always has a period. */
    void settle(LocalDate today) {
        if (!isInRange() || !isInOrder()) {
            from = null;
            to = null;
        }
        if (to == null) {
            to = from != null && from.isAfter(today) ? from : today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS);
        }
        if (!isStuckInRange() || stuckDays == null) {
            stuckDays = FunnelFilter.DEFAULT_STUCK_DAYS;
        }
    }

    FunnelFilter filter(Viewer viewer) {
        return FunnelFilter.of(viewer, owner, region, from, to, stuckDays);
    }
}
