package com.keyaccount.crm.user.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.org.UnitDissolved;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people of a unit of the organisation that is dissolved. */
@Component
@RequiredArgsConstructor
class DissolvedUnits {

    private final AppUserRepository users;
    private final AuditTrail audit;

    /**
     * A unit dissolved: its people, who own no customers (the organisation refuses otherwise),
     * move up to the unit above, each move in the audit log.
     */
    @EventListener
    @Transactional
    void on(UnitDissolved dissolved) {
        for (AppUser user : users.findByUnitId(dissolved.unitId())) {
            audit.fieldChanged(dissolved.actor(), UserAdministration.ENTITY, user.getId(), null, "unit",
                    dissolved.path(), dissolved.parentPath());
            user.placeIn(dissolved.parentId());
        }
        users.flush();
    }
}
