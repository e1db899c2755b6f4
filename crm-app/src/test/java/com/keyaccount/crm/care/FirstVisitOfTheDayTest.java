package com.keyaccount.crm.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SettableClock;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The first My day of a day makes the day's care tasks and records the losses found meanwhile.
 * When many managers open it at once (a restart during the working day), one request does that
 * and the others wait for it without holding a connection: each doing it too held a connection
 * while waiting on the first one's rows, and fifty at once emptied the pool into 503 pages.
 */
@FullStackTest
@Import(SettableClock.Config.class)
@TestPropertySource(properties = SettableClock.SMALL_POOL)
class FirstVisitOfTheDayTest {

    private static final int MANAGERS = 16;
    /**
     * The day's catch-up, done once (the care tasks in one transaction, the losses in one
     * statement), the tier names in force read once (they are kept a minute), and a spare.
     */
    private static final long CATCH_UP_AT_MOST = 5;

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final SettableClock clock;
    private final MeterRegistry meters;

    FirstVisitOfTheDayTest(MockMvc mvc, Fixtures fixtures, SettableClock clock, MeterRegistry meters) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.clock = clock;
        this.meters = meters;
    }

    @Test
    void managers_opening_my_day_at_once_on_a_new_day_share_one_catch_up() throws Exception {
        clock.setToNow();
        List<AppUser> managers = new ArrayList<>();
        for (int i = 0; i < MANAGERS; i++) {
            AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
            fixtures.customer(manager, Fixtures.unique("新的一天"));
            managers.add(manager);
        }
        assertThat(myDay(managers.get(0))).isEqualTo(200);
        clock.advance(Duration.ofDays(1));

        long before = acquired();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService browsers = Executors.newFixedThreadPool(MANAGERS);
        try {
            List<Future<Integer>> pages = new ArrayList<>();
            for (AppUser manager : managers) {
                pages.add(browsers.submit(() -> {
                    go.await();
                    return myDay(manager);
                }));
            }
            go.countDown();
            for (Future<Integer> page : pages) {
                assertThat(page.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            browsers.shutdownNow();
        }
        long firstVisits = acquired() - before;

        long again = acquired();
        for (AppUser manager : managers) {
            assertThat(myDay(manager)).isEqualTo(200);
        }
        long laterVisits = acquired() - again;
        assertThat(firstVisits).as("what the same visits take later that day, and the day's catch-up once")
                .isLessThanOrEqualTo(laterVisits + CATCH_UP_AT_MOST);
    }

    private int myDay(AppUser manager) throws Exception {
        return mvc.perform(get("/my-day").with(user(Fixtures.principal(manager)))).andReturn().getResponse()
                .getStatus();
    }

    private long acquired() {
        Timer acquire = meters.find("hikaricp.connections.acquire").timer();
        assertThat(acquire).as("the pool's metrics").isNotNull();
        return acquire.count();
    }
}
