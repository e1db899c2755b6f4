package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.dashboard.application.ServiceCards;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's satisfaction and retention cards are kept between visits (issue 20), and what
 * moves them shows on the next visit: an answered survey, a customer marked lost.
 */
@FullStackTest
@TestPropertySource(properties = "crm.dashboard.cache-seconds=600")
class ServiceCardsCacheTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ServiceCards cards;
    private final Fixtures fixtures;
    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    ServiceCardsCacheTest(ServiceCards cards, Fixtures fixtures, MockMvc mvc, JdbcTemplate jdbc) {
        this.cards = cards;
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void an_answered_survey_shows_on_the_next_visit_though_the_card_is_kept_between_visits() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("满意度缓存"));
        Viewer viewer = Fixtures.principal(manager).viewer();
        ServiceCards.Cards first = visit(viewer);
        assertThat(first.satisfaction().responses()).isZero();
        assertThat(visit(viewer).satisfaction()).as("kept, not read again").isSameAs(first.satisfaction());

        String answeredAt = LocalDateTime.now(SHANGHAI).minusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        int status = mvc.perform(post("/customers/" + customer.getId() + "/satisfaction")
                .with(user(Fixtures.principal(manager))).with(csrf())
                .param("channel", "VISIT").param("answeredAt", answeredAt).param("version", "1")
                .param("respondent", "王总").param("submissionToken", UUID.randomUUID().toString())
                .param("answers[0].rating", "5").param("answers[1].rating", "5").param("answers[2].rating", "4")
                .param("answers[3].rating", "4").param("answers[4].rating", "4").param("answers[5].rating", "6"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("the answers were taken").isEqualTo(302);

        assertThat(visit(viewer).satisfaction().responses()).isEqualTo(1);
    }

    @Test
    void a_customer_marked_lost_shows_in_retention_on_the_next_visit() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("流失缓存"));
        // a customer of the book since before the year began, so the year's rate counts it
        int year = LocalDate.now(SHANGHAI).getYear();
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                OffsetDateTime.parse((year - 1) + "-06-01T00:00:00+08:00"), customer.getId());
        Viewer viewer = Fixtures.principal(manager).viewer();
        ServiceCards.Cards first = visit(viewer);
        assertThat(first.retention().wholeYear().atStart()).isEqualTo(1);
        assertThat(first.retention().wholeYear().lost()).isZero();
        assertThat(visit(viewer).retention()).as("kept, not read again").isSameAs(first.retention());

        int status = mvc.perform(post("/customers/{id}/lost", customer.getId()).with(csrf())
                .with(user(Fixtures.principal(manager))).param("reason", "COMPETITOR").param("competitor", "华东机电"))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("marked lost").isEqualTo(302);

        assertThat(visit(viewer).retention().wholeYear().lost()).isEqualTo(1);
    }

    private ServiceCards.Cards visit(Viewer viewer) {
        Instant now = Instant.now();
        return cards.of(viewer, now.minus(Duration.ofDays(30)), now, LocalDate.now(SHANGHAI).getYear());
    }
}
