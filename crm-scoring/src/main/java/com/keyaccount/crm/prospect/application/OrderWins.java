package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerRepository;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.MoveDecision;
import com.keyaccount.crm.scoring.prospect.StageMovePolicy;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Prospects won by their first order (A02 已采购), after sales come in from the ERP or an import. */
@Service
public class OrderWins {

    /**
     * Prospects moved between emptying the persistence context: each move flushes, and a flush
     * looks at every entity held, so a sales file winning thousands at once would slow down with
     * each one (quadratic: minutes for 10,000).
     */
    private static final int HELD = 100;

    private final CustomerRepository customerRows;
    private final ProspectStore store;
    private final ProspectLadders ladders;
    private final ProspectConversion conversion;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EntityManager entities;

    OrderWins(CustomerRepository customerRows, ProspectStore store, ProspectLadders ladders,
            ProspectConversion conversion, AuditTrail audit, JdbcClient jdbc, Clock clock, EntityManager entities) {
        this.customerRows = customerRows;
        this.store = store;
        this.ladders = ladders;
        this.conversion = conversion;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.entities = entities;
    }

    /**
     * Every prospect below the won stage that has an order by now reaches it, as the ERP's doing
     * (A02 已采购), and becomes a customer. Run after sales come in; returns how many moved. One
     * query finds them (prospects already won or closed are left out by the database, so a book
     * where nothing is new costs that one query); only the ones that move are then written.
     */
    @Transactional
    public int winByOrders(String actor) {
        ProspectLadders.InForce inForce = ladders.inForce();
        var ladder = inForce.ladder();
        String lead = ladder.lead().code();
        int wonLevel = ladder.level(ladder.ofKind(StageKind.WON).orElseThrow().code());
        List<String> wonOrAbove = ladder.stages().stream().map(StageDefinition::code)
                .filter(code -> ladder.level(code) >= wonLevel).toList();
        List<Long> candidates = jdbc.sql("""
                SELECT p.customer_id AS id FROM prospect p JOIN customer c ON c.id = p.customer_id
                WHERE c.deleted = FALSE AND p.stage NOT IN (:wonOrAbove)
                  AND EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = p.customer_id AND o.amount > 0)
                UNION
                SELECT c.id FROM customer c
                WHERE c.status = 'PROSPECT' AND c.deleted = FALSE
                  AND NOT EXISTS (SELECT 1 FROM prospect p WHERE p.customer_id = c.id)
                  AND EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = c.id AND o.amount > 0)
                ORDER BY id""")
                .param("wonOrAbove", wonOrAbove).query(Long.class).list();
        int moved = 0;
        for (long id : candidates) {
            Prospect prospect = store.find(id).orElse(null);
            String from = prospect == null ? lead : prospect.getStage();
            MoveDecision decision = StageMovePolicy.orderArrived(ladder, from);
            if (!decision.allowed()) {
                continue;
            }
            Customer customer = customerRows.findByIdAndDeletedFalse(id).orElseThrow();
            if (prospect == null) {
                prospect = new Prospect(id, lead, customer.getCreatedAt());
            }
            String to = ((MoveDecision.Allowed) decision).to().code();
            Instant now = clock.instant();
            prospect.moveTo(to, now);
            store.save(prospect);
            store.recordMove(new ProspectStageChange(id, from, to, now, actor, inForce.version(),
                    List.of("purchased"), null));
            audit.fieldChanged(actor, ProspectService.ENTITY, id, id, "stage", from, to);
            conversion.becameCustomer(actor, customer, now);
            if (++moved % HELD == 0) {
                entities.flush();
                entities.clear();
            }
        }
        return moved;
    }
}
