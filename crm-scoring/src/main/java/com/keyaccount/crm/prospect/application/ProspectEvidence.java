package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactRepository;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.scoring.prospect.ConditionsMet;
import com.keyaccount.crm.scoring.prospect.ProspectFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What stands behind a prospect's conditions: its ticks, its contacts (a decision-maker condition
 * holds only while its contact is a decision maker today) and what its record shows. The
 * customer's contacts are read once, not once per tick.
 */
@Component
class ProspectEvidence {

    private final ContactRepository contacts;
    private final JdbcClient jdbc;

    ProspectEvidence(ContactRepository contacts, JdbcClient jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    /** @param met the keys of every condition that holds; contacts: the customer's, by name */
    record Reading(Set<String> met, ProspectFacts facts, List<Contact> contacts) {
    }

    Reading read(ProspectLadder ladder, Customer customer, Map<String, ProspectTick> ticks) {
        List<Contact> people = contacts.findByCustomerIdOrderByNameAscIdAsc(customer.getId());
        Map<String, Boolean> byDecisionMaker = new HashMap<>();
        ticks.values().forEach(t -> byDecisionMaker.put(t.conditionKey(), t.getContactId() != null
                && people.stream().anyMatch(c -> Objects.equals(c.getId(), t.getContactId())
                        && c.getDecisionRole() == DecisionRole.DECISION_MAKER)));
        ProspectFacts facts = new ProspectFacts(fiveFacts(customer), customer.getIndustry(), customer.getAnnualSales(),
                hasOrder(customer.getId()));
        return new Reading(ConditionsMet.of(ladder, byDecisionMaker, facts), facts, people);
    }

    private boolean hasOrder(long customerId) {
        return !jdbc.sql("SELECT 1 FROM sales_order WHERE customer_id = ? AND amount > 0 FETCH FIRST 1 ROWS ONLY")
                .param(customerId).query(Integer.class).list().isEmpty();
    }

    /** The seed's five key facts: name, industry, size (annual sales or staff), phone and fax. */
    static boolean fiveFacts(Customer c) {
        return filled(c.getName()) && c.getIndustry() != null
                && (c.getAnnualSales() != null || c.getEmployeeCount() != null)
                && filled(c.getPhone()) && filled(c.getFax());
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }
}
