package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.scoring.schedule.DueRule;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;

/**
 * A customer on My day with what makes it due.
 *
 * @param workingDaysLate  working days between the due date and today: positive when overdue,
 *                         negative when still ahead, 0 when due today
 * @param city             the city of the customer's address, or null
 * @param phone            the customer's own (switchboard) number, or null
 * @param rescheduleReason why the follow-up was moved by hand, or null when it was not
 * @param rescheduleNote   the note given with it, or null
 * @param prospect         where a prospect stands and how it is graded; null for a customer
 * @param contact          the person to call, or null when there is none (or it was not read)
 */
public record DueCustomer(long customerId, String code, String name, Tier tier, LocalDate dueOn, DueRule rule,
        LocalDate basisOn, Integer intervalDays, LocalDate lastContactOn, LocalDate lastVisitOn,
        int workingDaysLate, String city, String phone, RescheduleReason rescheduleReason, String rescheduleNote,
        ProspectMark prospect, MainContact contact) {

    /**
     * A prospect's badge and the class its follow-ups are scheduled by.
     *
     * @param stage      its stage's code (A05); null until {@link #withLeadStage} names the lead
     *                   stage of a prospect nobody has moved or graded yet
     * @param closeClass the close-time class that set the schedule, or null when ungraded
     * @param priority   its priority class, or null when ungraded
     */
    public record ProspectMark(String stage, CloseClass closeClass, PriorityClass priority) {
    }

    public DueCustomer withContact(MainContact mainContact) {
        return new DueCustomer(customerId, code, name, tier, dueOn, rule, basisOn, intervalDays, lastContactOn,
                lastVisitOn, workingDaysLate, city, phone, rescheduleReason, rescheduleNote, prospect, mainContact);
    }

    /** A prospect without a stage of its own stands at the ladder's lead stage (A21). */
    public DueCustomer withLeadStage(String leadStage) {
        if (prospect == null || prospect.stage() != null) {
            return this;
        }
        return new DueCustomer(customerId, code, name, tier, dueOn, rule, basisOn, intervalDays, lastContactOn,
                lastVisitOn, workingDaysLate, city, phone, rescheduleReason, rescheduleNote,
                new ProspectMark(leadStage, prospect.closeClass(), prospect.priority()), contact);
    }

    /** {@code tel:} for the customer's own number, or null when it has none worth dialling. */
    public String phoneUri() {
        return MainContact.telUri(phone);
    }

    /** The switchboard is worth showing beside the contact's number only when it is another number. */
    public boolean phoneDiffersFromContact() {
        String own = phoneUri();
        return own != null && (contact == null || !own.equals(contact.phoneUri()));
    }
}
