package com.keyaccount.crm.contactlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactLogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private final AppUser author = new AppUser("zhang", "{noop}x", "张伟", Role.ACCOUNT_MANAGER, "EAST");
    private final Customer customer = new Customer(new CustomerProfile("C1", "客户", Industry.IT, Region.EAST, null,
            null, null, null, null, CustomerStatus.ACTIVE, null, false, null, null), author, NOW);

    @Test
    void a_log_without_a_summary_is_refused() {
        assertThatThrownBy(() -> new ContactLog(customer, author, command("  "), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_log_keeps_what_happened_and_who_logged_it() {
        ContactLog log = new ContactLog(customer, author, command(" 电话回访 "), NOW);
        assertThat(log.getSummary()).isEqualTo("电话回访");
        assertThat(log.getAuthor()).isSameAs(author);
        assertThat(log.getChannel().isOnSite()).isFalse();
    }

    private static LogContactCommand command(String summary) {
        return new LogContactCommand(Channel.PHONE, NOW, summary, null, null, null, "token-1");
    }
}
