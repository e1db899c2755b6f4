package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckInRepository;
import com.keyaccount.crm.checkin.CheckInSettings;
import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer page's "at the customer" card: the viewer's open check-in (here or elsewhere) and today's here. */
@Service
@Transactional(readOnly = true)
public class OnSiteCards {

    private final CheckInRepository checkIns;
    private final CheckIns open;
    private final CheckInSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    OnSiteCards(CheckInRepository checkIns, CheckIns open, CheckInSettings settings, Clock clock, ZoneId businessZone) {
        this.checkIns = checkIns;
        this.open = open;
        this.settings = settings;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * @param openCheckIn  the viewer's check-in open today, at this customer or another
     * @param todayHere    the viewer's check-ins at this customer today, earliest first
     * @param limits       the limits a check-in now is judged by
     */
    public record OnSiteCard(Optional<OpenCheckIn> openCheckIn, List<CheckInView> todayHere, CheckInLimits limits) {

        public boolean openHere(long customerId) {
            return openCheckIn.filter(c -> c.customerId() == customerId).isPresent();
        }

        public boolean openElsewhere(long customerId) {
            return openCheckIn.filter(c -> c.customerId() != customerId).isPresent();
        }
    }

    /** For a customer the caller obtained from {@code CustomerService.get} (so the viewer may see it). */
    public OnSiteCard of(Viewer viewer, Customer visible) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<CheckInView> here = checkIns.findByUserIdAndCustomerIdAndBusinessDayOrderByInAt(viewer.userId(),
                visible.getId(), today).stream().map(CheckInView::of).toList();
        return new OnSiteCard(open.openOf(viewer), here, settings.current());
    }
}
