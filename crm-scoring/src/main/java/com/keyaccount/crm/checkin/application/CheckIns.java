package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckIn;
import com.keyaccount.crm.checkin.CheckInEnd;
import com.keyaccount.crm.checkin.CheckInRepository;
import com.keyaccount.crm.checkin.CheckInSettings;
import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.checkin.rules.Reading;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.scoring.checkin.CheckInRule;
import com.keyaccount.crm.scoring.checkin.CheckInRule.Judgement;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking in and out at a customer (定位签到), the only writer of {@code check_in}. A user has at
 * most one open check-in: checking in at another customer ends the open one without a check-out
 * (its time on site stays unknown rather than counting the drive), checking in again where one is
 * open changes nothing, and a check-in still open from an earlier day counts as forgotten (ended
 * "no check-out" by the next check-in, check-out or the nightly sweep). Every position is judged
 * by {@link CheckInRule} against the customer's location and the limits in force; the check-in is
 * saved whatever the verdict, and the visits logged that day are matched again.
 */
@Service
@Transactional(readOnly = true)
public class CheckIns {

    private final CheckInRepository checkIns;
    private final CustomerService customers;
    private final AppUserRepository users;
    private final CheckInSettings settings;
    private final VisitChecks visits;
    private final Clock clock;
    private final ZoneId zone;

    CheckIns(CheckInRepository checkIns, CustomerService customers, AppUserRepository users, CheckInSettings settings,
            VisitChecks visits, Clock clock, ZoneId businessZone) {
        this.checkIns = checkIns;
        this.customers = customers;
        this.users = users;
        this.settings = settings;
        this.visits = visits;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** What a check-in did: the check-in now open, and the one it ended elsewhere, if any. */
    public record CheckedIn(CheckInView checkIn, boolean alreadyOpen, Optional<OpenCheckIn> endedElsewhere) {
    }

    @Transactional
    public CheckedIn checkIn(Viewer viewer, long customerId, Reading reading) {
        Customer customer = customers.get(viewer, customerId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<CheckIn> open = checkIns.findByOpenUserId(viewer.userId());
        Optional<OpenCheckIn> endedElsewhere = Optional.empty();
        if (open.isPresent()) {
            CheckIn current = open.get();
            boolean forgotten = current.getBusinessDay().isBefore(today);
            if (!forgotten && current.getCustomer().getId() == customerId) {
                return new CheckedIn(CheckInView.of(current), true, Optional.empty());
            }
            if (!forgotten) {
                endedElsewhere = Optional.of(OpenCheckIn.of(current));
            }
            current.endWithoutCheckOut(forgotten ? CheckInEnd.NO_CHECK_OUT : CheckInEnd.NEXT_CHECK_IN);
            // the open slot (a unique key) is free before the new check-in takes it
            checkIns.flush();
        }
        var limits = settings.current();
        Judgement judged = CheckInRule.judge(reading, locationOf(customer), limits, now);
        CheckIn checkIn = checkIns.saveAndFlush(new CheckIn(users.getReferenceById(viewer.userId()), customer, today,
                now, reading, judged.verdict(), judged.distanceMeters(), limits));
        visits.matchAgain(viewer.userId(), customerId, today);
        return new CheckedIn(CheckInView.of(checkIn), false, endedElsewhere);
    }

    /**
     * Checks out of the user's open check-in at this customer with the position now; empty when
     * there is none (never checked in, already out, or forgotten since an earlier day: that one
     * is ended "no check-out" here).
     */
    @Transactional
    public Optional<CheckInView> checkOut(Viewer viewer, long customerId, Reading reading) {
        Customer customer = customers.get(viewer, customerId);
        Instant now = clock.instant();
        Optional<CheckIn> open = checkIns.findByOpenUserId(viewer.userId());
        if (open.isEmpty() || open.get().getCustomer().getId() != customerId) {
            return Optional.empty();
        }
        CheckIn checkIn = open.get();
        if (checkIn.getBusinessDay().isBefore(LocalDate.ofInstant(now, zone))) {
            checkIn.endWithoutCheckOut(CheckInEnd.NO_CHECK_OUT);
            return Optional.empty();
        }
        Judgement judged = CheckInRule.judge(reading, locationOf(customer), checkIn.limits(), now);
        checkIn.checkOut(now, reading, judged.verdict(), judged.distanceMeters());
        checkIns.flush();
        return Optional.of(CheckInView.of(checkIn));
    }

    /** The viewer's check-in open today, wherever it is. */
    public Optional<OpenCheckIn> openOf(Viewer viewer) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return checkIns.findByOpenUserId(viewer.userId()).filter(c -> !c.getBusinessDay().isBefore(today))
                .map(OpenCheckIn::of);
    }

    /**
     * Ends every check-in left open on an earlier day, "no check-out" (the nightly sweep; the
     * pages already treat them as ended); returns how many.
     */
    @Transactional
    public int endForgotten() {
        var forgotten = checkIns.findByEndedIsNullAndBusinessDayBefore(LocalDate.now(clock.withZone(zone)));
        forgotten.forEach(c -> c.endWithoutCheckOut(CheckInEnd.NO_CHECK_OUT));
        return forgotten.size();
    }

    static GeoPoint locationOf(Customer customer) {
        return customer.getLocation() == null ? null : customer.getLocation().point();
    }
}
