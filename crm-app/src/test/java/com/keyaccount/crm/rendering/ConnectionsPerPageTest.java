package com.keyaccount.crm.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Under load every request queues for a connection each time it takes one (issue 20): the
 * customer's page took one per part, about twenty, and answered in a second while its own work
 * took twenty milliseconds. Its parts and My day's now share one read-only transaction.
 */
@FullStackTest
class ConnectionsPerPageTest {

    /** The page's reads, and a margin for a background job that takes one at the same moment. */
    private static final long AT_MOST = 3;

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final MeterRegistry meters;

    ConnectionsPerPageTest(MockMvc mvc, Fixtures fixtures, MeterRegistry meters) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.meters = meters;
    }

    @Test
    void a_customers_page_takes_one_connection_for_all_its_parts() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, "连接计数客户");
        String url = "/customers/" + customer.getId();

        assertThat(fewestConnections(manager, url)).isLessThanOrEqualTo(AT_MOST);
    }

    @Test
    void my_day_takes_one_connection_for_all_its_parts() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        fixtures.customer(manager, "连接计数我的一天");

        assertThat(fewestConnections(manager, "/my-day")).isLessThanOrEqualTo(AT_MOST);
    }

    /** The fewest connections one request took in three tries: other work may take one meanwhile. */
    private long fewestConnections(AppUser user, String url) throws Exception {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = acquired();
            mvc.perform(get(url).with(user(Fixtures.principal(user)))).andExpect(status().isOk());
            fewest = Math.min(fewest, acquired() - before);
        }
        return fewest;
    }

    private long acquired() {
        Timer acquire = meters.find("hikaricp.connections.acquire").timer();
        assertThat(acquire).as("the pool's metrics").isNotNull();
        return acquire.count();
    }
}
