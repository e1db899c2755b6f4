package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckInSettings;
import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.checkin.rules.Reading;
import com.keyaccount.crm.customer.CustomerLocations;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.LocationSource;
import com.keyaccount.crm.scoring.checkin.CheckInRule;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a customer's pin: coordinates typed in (from a map the user trusts, or the address), or
 * the phone's position while standing at the customer. A pin from the phone must be one a
 * check-in would accept as measured: taken just now by the browser and at least as precise as
 * the admin's bound, or every later check-in would be judged against a poor pin.
 */
@Service
public class CustomerSites {

    private final CustomerService customers;
    private final CustomerLocations locations;
    private final CheckInSettings settings;
    private final Clock clock;

    CustomerSites(CustomerService customers, CustomerLocations locations, CheckInSettings settings, Clock clock) {
        this.customers = customers;
        this.locations = locations;
        this.settings = settings;
        this.clock = clock;
    }

    /** The limits a pin from the phone must meet (its accuracy bound). */
    public CheckInLimits limits() {
        return settings.current();
    }

    @Transactional
    public void typed(Viewer viewer, long customerId, GeoPoint point) {
        locations.locate(viewer, customerId, point, LocationSource.TYPED);
    }

    /**
     * Places the pin where the phone is, unless the position is not good enough; then nothing is
     * written and the reason (not measured by the phone, or too imprecise) comes back.
     */
    @Transactional
    public Optional<CheckInVerdict> fromDevice(Viewer viewer, long customerId, Reading reading) {
        customers.get(viewer, customerId);
        CheckInLimits limits = settings.current();
        // judged against itself: only whether it was measured and how precisely counts here
        CheckInVerdict verdict = CheckInRule.judge(reading, reading.position(), limits, clock.instant()).verdict();
        if (!verdict.verified()) {
            return Optional.of(verdict);
        }
        locations.locate(viewer, customerId, reading.position(), LocationSource.DEVICE);
        return Optional.empty();
    }
}
