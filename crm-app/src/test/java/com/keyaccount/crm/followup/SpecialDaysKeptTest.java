package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * My day's special days are kept between visits (issue 20), and a contact added, edited or
 * removed, or its customer handed to someone else, shows on the next visit.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
@TestPropertySource(properties = "crm.dashboard.cache-seconds=600")
class SpecialDaysKeptTest {

    /** 2026-09-21, in the week after the fixed clock's 2026-09-18. */
    private static final LocalDate BIRTHDAY = LocalDate.of(1975, 9, 21);

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final ContactService contacts;
    private final CustomerService customers;
    private final JdbcTemplate jdbc;

    SpecialDaysKeptTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book, ContactService contacts,
            CustomerService customers, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
        this.contacts = contacts;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Test
    void a_contact_added_edited_or_removed_shows_on_the_next_visit() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Viewer viewer = Fixtures.principal(manager).viewer();
        Customer customer = book.customer(manager, "生日缓存", LocalDate.of(2026, 6, 1));
        assertThat(specialDays(manager)).doesNotContain("&#39;s birthday");

        String name = Fixtures.unique("赵总");
        Contact contact = contacts.add(viewer, customer.getId(), details(name));
        assertThat(specialDays(manager)).contains(name + "&#39;s birthday");

        // a row changed behind the application's back raises nothing: the week is kept
        jdbc.update("UPDATE contact SET name = ? WHERE id = ?", "改名未报", contact.getId());
        assertThat(specialDays(manager)).as("kept").contains(name).doesNotContain("改名未报");

        String renamed = Fixtures.unique("钱总");
        contacts.update(viewer, customer.getId(), contact.getId(), versionOf(contact), details(renamed));
        assertThat(specialDays(manager)).contains(renamed + "&#39;s birthday").doesNotContain(name);

        contacts.remove(viewer, customer.getId(), contact.getId());
        assertThat(specialDays(manager)).doesNotContain(renamed);
    }

    @Test
    void a_customer_handed_to_another_manager_takes_its_special_days_along() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser successor = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = book.customer(manager, "交接缓存", LocalDate.of(2026, 6, 1));
        String name = Fixtures.unique("孙总");
        contacts.add(Fixtures.principal(manager).viewer(), customer.getId(), details(name));
        assertThat(specialDays(manager)).contains(name);
        assertThat(specialDays(successor)).doesNotContain(name);

        customers.reassign(Fixtures.principal(director).viewer(), List.of(customer.getId()), successor.getId(),
                "交接");

        assertThat(specialDays(manager)).doesNotContain(name);
        assertThat(specialDays(successor)).contains(name + "&#39;s birthday");
    }

    private static ContactDetails details(String name) {
        return new ContactDetails(name, "总经理", DecisionRole.DECISION_MAKER, null, null, BIRTHDAY, null, null);
    }

    private long versionOf(Contact contact) {
        return jdbc.queryForObject("SELECT version FROM contact WHERE id = ?", Long.class, contact.getId());
    }

    private String specialDays(AppUser manager) throws Exception {
        String page = mvc.perform(get("/my-day").with(user(Fixtures.principal(manager)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return MyDayTest.section(page, "special-days");
    }
}
