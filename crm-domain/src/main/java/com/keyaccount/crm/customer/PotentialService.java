package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Potential and adoption (seed 003's nine-grid): whoever may see the customer — its owner,
 * directors, admins — sets them, each change audited.
 */
@Service
@RequiredArgsConstructor
public class PotentialService {

    private static final String ENTITY = "Customer";

    private final CustomerService customers;
    private final CustomerStore store;
    private final PotentialFactorsStore factorsStore;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /**
     * @param potential 1–9, or null: not known
     * @param adoption  or null: not known
     */
    @Transactional
    public void assess(Viewer viewer, long id, Integer potential, Adoption adoption) {
        assess(viewer, id, potential, null, null, adoption);
    }

    /**
     * The potential picked as the levels of its two factors, which the admin's table scores
     * (both levels, or neither: not known).
     *
     * @throws IllegalStateException when potentials are typed as scores, not picked by factors
     */
    @Transactional
    public void assessByFactors(Viewer viewer, long id, Integer row, Integer column, Adoption adoption) {
        PotentialFactors factors = factorsStore.read().factors();
        if (!factors.enabled()) {
            throw new IllegalStateException("potentials are typed as scores");
        }
        assess(viewer, id, row == null || column == null ? null : factors.score(row, column), row, column, adoption);
    }

    private void assess(Viewer viewer, long id, Integer potential, Integer row, Integer column, Adoption adoption) {
        Customer customer = customers.get(viewer, id);
        PotentialAssessment before = customer.getAssessment();
        if (Objects.equals(before.getPotential(), potential) && Objects.equals(before.getPotentialRow(), row)
                && Objects.equals(before.getPotentialColumn(), column) && before.getAdoption() == adoption) {
            return;
        }
        customer.assess(potential, row, column, adoption, users.getReferenceById(viewer.userId()), clock.instant());
        if (!Objects.equals(before.getPotential(), potential)) {
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "potential", before.getPotential(), potential);
        }
        if (before.getAdoption() != adoption) {
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "adoption", before.getAdoption(), adoption);
        }
        // the schedule's listener reads the zone with SQL in this transaction: it must see the change
        store.flush();
        events.publishEvent(new CustomerChanged(id));
    }
}
