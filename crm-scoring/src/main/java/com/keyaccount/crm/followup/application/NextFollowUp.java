package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's next follow-up as its page shows it: when and why, in the words of My day (a
 * prospect's by its close-time class).
 */
@Service
@Transactional(readOnly = true)
public class NextFollowUp {

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final DueRows dueRows;
    private final MyDay myDay;

    NextFollowUp(JdbcTemplate jdbc, BusinessCalendar calendar, DueRows dueRows, MyDay myDay) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.dueRows = dueRows;
        this.myDay = myDay;
    }

    /**
     * The follow-up due, for a customer the caller obtained from {@link CustomerService#get};
     * empty when nothing is due (a lost customer, a tier without a minimum).
     */
    public Optional<DueCustomer> of(Customer visible) {
        var today = myDay.today();
        var working = calendar.workingCalendar();
        List<DueCustomer> rows = jdbc.query("SELECT " + DueRows.COLUMNS + " FROM " + DueRows.FROM
                + " WHERE f.customer_id = ? AND f.due_on IS NOT NULL",
                (rs, n) -> DueRows.row(rs, today, working), visible.getId());
        return dueRows.withLeadStages(rows).stream().findFirst();
    }
}
