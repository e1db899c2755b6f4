package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.followup.rules.DutyKind;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person's own duties make due today (My day): the key accounts they must visit and call,
 * oldest first, and their days at key accounts this month. {@code presence} is null when the role
 * asks for no days.
 */
public record DutyDay(Role role, List<DueList> lists, Presence presence) {

    public static final DutyDay NONE = new DutyDay(null, List.of(), null);

    /** Anything to show. */
    public boolean any() {
        return !lists.isEmpty() || presence != null;
    }

    /** One kind of duty: the first rows and how many are due in all. {@code window}: days the log was read back. */
    public record DueList(DutyKind kind, List<Row> rows, long total, int window) {
    }

    /**
     * A key account due: {@code last}, the person's own last visit (or call) within the window, or
     * null; {@code everyDays}, what their role asks for its tier.
     */
    public record Row(long customerId, String code, String name, Tier tier, String ownerName, LocalDate last,
            LocalDate dueOn, int everyDays) {

        public boolean overdue(LocalDate today) {
            return dueOn.isBefore(today);
        }
    }

    /** Days at key accounts this month (working days with a visit), asked for, and working days left. */
    public record Presence(long days, int required, int workingDaysLeft) {

        public boolean met() {
            return days >= required;
        }
    }
}
