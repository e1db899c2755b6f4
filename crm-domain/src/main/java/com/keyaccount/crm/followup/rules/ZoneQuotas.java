package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.customer.NineGridZone;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The on-site visit quotas of the nine-grid's zones. Seed 003's defaults: the red zone about 8
 * visits a month (at least every 4 days), the yellow zone 2 to 4 a month (at least every 15 days,
 * at most 4 in 30).
 */
public record ZoneQuotas(Cadence red, Cadence yellow) {

    public static final ZoneQuotas DEFAULT = new ZoneQuotas(Cadence.every(4), new Cadence(15, 4));

    public ZoneQuotas {
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(yellow, "yellow");
    }

    /** The zone's visit quota; none outside the zones. */
    public Cadence of(NineGridZone zone) {
        return switch (zone) {
            case RED -> red;
            case YELLOW -> yellow;
            case NONE -> Cadence.NONE;
        };
    }

    List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        red.violations().forEach(v -> found.add(v.under("zones.red")));
        yellow.violations().forEach(v -> found.add(v.under("zones.yellow")));
        return found;
    }
}
