package com.keyaccount.crm.dashboard.web;

import jakarta.validation.constraints.AssertTrue;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** Two days to compare, with the dashboard's filters; missing days default to 90 days ago and today. */
@Getter
@Setter
public class MigrationsQuery extends DashboardQuery {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private String fromTier;
    private String toTier;
    /** "up" or "down": every upgrade or downgrade instead of one cell. */
    private String moved;

    @AssertTrue(message = "{migrations.order}")
    public boolean isInOrder() {
        return from == null || to == null || !from.isAfter(to);
    }

    void defaults(LocalDate today) {
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(90);
        }
    }
}
