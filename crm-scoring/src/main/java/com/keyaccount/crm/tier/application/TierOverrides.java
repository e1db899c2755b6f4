package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.tier.CustomerTier;
import com.keyaccount.crm.tier.CustomerTierRepository;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TiersChanged;
import org.springframework.context.ApplicationEventPublisher;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 高层指定: a director or admin pins a customer's tier with a reason and an optional last day;
 * the pin wins over the computed tier until then. Pinning and unpinning take effect at once.
 */
@Service
@RequiredArgsConstructor
public class TierOverrides {

    private final CustomerService customers;
    private final CustomerTierRepository tiers;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId businessZone;
    private final FollowUpSchedule followUps;
    private final ApplicationEventPublisher events;

    @Transactional
    public void pin(Viewer viewer, long customerId, Tier tier, String reason, LocalDate until) {
        Tier before = effectiveBefore(viewer, customerId);
        CustomerTier current = classified(customerId);
        Instant now = clock.instant();
        current.pin(tier, reason, until, viewer.username(), now, today());
        audit.fieldChanged(viewer.username(), "CustomerTier", customerId, customerId, "pinnedTier", null,
                tier + " (" + reason.strip() + (until == null ? "" : ", until " + until) + ")");
        recordMove(customerId, before, current.getEffectiveTier(), "PINNED", current.getPolicyVersion(), now);
        reschedule(customerId);
    }

    @Transactional
    public void unpin(Viewer viewer, long customerId) {
        Tier before = effectiveBefore(viewer, customerId);
        CustomerTier current = classified(customerId);
        if (current.getPinnedTier() == null) {
            return;
        }
        Instant now = clock.instant();
        audit.fieldChanged(viewer.username(), "CustomerTier", customerId, customerId, "pinnedTier",
                current.getPinnedTier(), null);
        current.unpin();
        recordMove(customerId, before, current.getEffectiveTier(), "UNPINNED", current.getPolicyVersion(), now);
        reschedule(customerId);
    }

    /** The visit cadence follows the tier in force at once; the schedule reads the flushed tier row. */
    private void reschedule(long customerId) {
        tiers.flush();
        followUps.refresh(List.of(customerId));
        events.publishEvent(new TiersChanged("pin " + customerId));
    }

    private Tier effectiveBefore(Viewer viewer, long customerId) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("pin tiers");
        }
        return customers.get(viewer, customerId).getTier();
    }

    private CustomerTier classified(long customerId) {
        return tiers.findById(customerId).orElseThrow(NotYetClassifiedException::new);
    }

    private void recordMove(long customerId, Tier before, Tier after, String reason, int policyVersion,
            Instant now) {
        if (after == before) {
            return;
        }
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, ?, ?, ?, ?, ?)""", customerId, before == null ? null : before.name(), after.name(),
                policyVersion, now.atOffset(ZoneOffset.UTC), reason);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessZone));
    }
}
