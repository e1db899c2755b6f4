package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.scoring.pin.PinRule;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 高层指定: a director or admin pins a customer's tier with a reason and an optional last day;
 * the pin wins over the computed tier until then. Designating a key account is the same pin at
 * the top tier without a last day, naming the designation, until it is withdrawn; while it holds
 * no other pin can be set or removed. Each takes effect at once.
 */
@Service
@RequiredArgsConstructor
public class TierOverrides {

    private final CustomerService customers;
    private final TierStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId businessZone;
    private final FollowUpSchedule followUps;
    private final ApplicationEventPublisher events;

    @Transactional
    public void pin(Viewer viewer, long customerId, Tier tier, String reason, LocalDate until) {
        notDesignated(viewer, customerId);
        LocalDate today = today();
        Objects.requireNonNull(tier);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a pinned tier needs a reason");
        }
        if (until != null && until.isBefore(today)) {
            throw new IllegalArgumentException("a pin cannot expire in the past");
        }
        store.pin(customerId, new TierStore.Pin(tier, reason.strip(), until, viewer.username(), clock.instant()),
                today);
        audit.fieldChanged(viewer.username(), "CustomerTier", customerId, customerId, "pinnedTier", null,
                tier + " (" + reason.strip() + (until == null ? "" : ", until " + until) + ")");
        reschedule(customerId);
    }

    @Transactional
    public void unpin(Viewer viewer, long customerId) {
        notDesignated(viewer, customerId);
        store.unpin(customerId, clock.instant()).ifPresent(pinned -> {
            audit.fieldChanged(viewer.username(), "CustomerTier", customerId, customerId, "pinnedTier", pinned,
                    null);
            reschedule(customerId);
        });
    }

    /**
     * Names the customer a key account with the reason and holds it at the top tier.
     *
     * @return false when the customer is not classified yet: its first recompute holds it there
     */
    @Transactional
    public boolean designate(Viewer viewer, long customerId, String reason) {
        mayPin(viewer, customerId);
        customers.designateAsKeyAccount(viewer, customerId, reason);
        try {
            store.pin(customerId, new TierStore.Pin(PinRule.DESIGNATED, reason.strip(), null, viewer.username(),
                    clock.instant()), today(), "DESIGNATED");
        } catch (NotYetClassifiedException e) {
            return false;
        }
        reschedule(customerId);
        return true;
    }

    /** Withdraws the designation; the computed tier is in force again. */
    @Transactional
    public void withdrawDesignation(Viewer viewer, long customerId) {
        if (!mayPin(viewer, customerId).getDesignation().isDesignated()) {
            return;
        }
        customers.withdrawKeyAccountDesignation(viewer, customerId);
        try {
            store.unpin(customerId, clock.instant(), "DESIGNATION_WITHDRAWN");
        } catch (NotYetClassifiedException e) {
            return;
        }
        reschedule(customerId);
    }

    /** The visit cadence follows the tier in force at once. */
    private void reschedule(long customerId) {
        followUps.refresh(List.of(customerId));
        events.publishEvent(new TiersChanged("pin " + customerId));
    }

    /** Directors and admins only, and only customers they may see (anyone else's is not found). */
    private Customer mayPin(Viewer viewer, long customerId) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("pin tiers");
        }
        return customers.get(viewer, customerId);
    }

    private void notDesignated(Viewer viewer, long customerId) {
        if (mayPin(viewer, customerId).getDesignation().isDesignated()) {
            throw new HeldByDesignationException();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
