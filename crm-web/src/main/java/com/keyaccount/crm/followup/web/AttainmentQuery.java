package com.keyaccount.crm.followup.web;

import jakarta.validation.constraints.AssertTrue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The period (and, for directors, the manager) the attainment page is asked for. */
@Getter
@Setter
public class AttainmentQuery {

    static final int LONGEST_PERIOD_DAYS = 366;

    // no @NotNull: a request without a period (the menu link) means this month so far; only one
    // of the two days missing is a mistake, which the controller puts beside the empty field
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private Long manager;

    /** Count only on-site visits a check-in verified (issue 23). */
    private boolean verifiedOnly;

    static AttainmentQuery monthToDate(LocalDate today) {
        AttainmentQuery query = new AttainmentQuery();
        query.from = today.withDayOfMonth(1);
        query.to = today;
        return query;
    }

    /**
     * This query, or what the page shows when it cannot be used (a mistake, or no period): this
     * month so far, for the same manager and the same visits counted. The exports read it so.
     */
    AttainmentQuery orMonthToDate(boolean invalid, LocalDate today) {
        if (!invalid && from != null && to != null) {
            return this;
        }
        AttainmentQuery defaults = monthToDate(today);
        defaults.manager = manager;
        defaults.verifiedOnly = verifiedOnly;
        return defaults;
    }

    @AssertTrue(message = "{attainment.period.order}")
    public boolean isInOrder() {
        return from == null || to == null || !from.isAfter(to);
    }

    @AssertTrue(message = "{attainment.period.tooLong}")
    public boolean isShortEnough() {
        return from == null || to == null || from.isAfter(to) || ChronoUnit.DAYS.between(from, to) < LONGEST_PERIOD_DAYS;
    }
}
