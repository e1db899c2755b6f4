package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectRepository;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectStageChangeRepository;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.ProspectTickRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of {@code prospect}, {@code prospect_tick} and {@code prospect_stage_change}. */
@Component
class ProspectStore {

    private final ProspectRepository prospects;
    private final ProspectTickRepository ticks;
    private final ProspectStageChangeRepository changes;
    private final JdbcClient jdbc;

    ProspectStore(ProspectRepository prospects, ProspectTickRepository ticks, ProspectStageChangeRepository changes,
            JdbcClient jdbc) {
        this.prospects = prospects;
        this.ticks = ticks;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    Optional<Prospect> find(long customerId) {
        return prospects.findById(customerId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Prospect save(Prospect prospect) {
        return prospects.save(prospect);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordMove(ProspectStageChange change) {
        changes.save(change);
    }

    List<ProspectTick> ticks(long customerId) {
        return ticks.findByIdCustomerId(customerId);
    }

    List<ProspectStageChange> history(long customerId) {
        return changes.findTop50ByCustomerIdOrderByChangedAtDescIdDesc(customerId);
    }

    /** Records the tick, replacing an earlier one of the same condition. */
    @Transactional(propagation = Propagation.MANDATORY)
    void tick(ProspectTick tick) {
        ticks.findById(tick.getId()).ifPresent(ticks::delete);
        ticks.save(tick);
    }

    /** Whether there was a tick to remove. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean untick(long customerId, String conditionKey) {
        return jdbc.sql("DELETE FROM prospect_tick WHERE customer_id = ? AND condition_key = ?")
                .params(customerId, conditionKey).update() > 0;
    }

    /** The contact is being deleted: ticks naming it keep their date and note, and name no one. */
    @Transactional(propagation = Propagation.MANDATORY)
    void releaseContact(long customerId, long contactId) {
        jdbc.sql("UPDATE prospect_tick SET contact_id = NULL WHERE customer_id = ? AND contact_id = ?")
                .params(customerId, contactId).update();
    }
}
