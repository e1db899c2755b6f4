package com.keyaccount.crm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.CrmApplication;
import com.keyaccount.crm.demo.DemoData;
import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the application does on its very first start, each case on a brand-new database. */
class FirstStartTest {

    @Test
    void an_empty_production_database_without_an_admin_refuses_to_start() {
        assertThatThrownBy(() -> start("--crm.demo-data=false").close())
                .hasStackTraceContaining("CRM_ADMIN_USERNAME");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void the_operator_is_told_which_variable_is_missing_instead_of_a_stack_trace(CapturedOutput output) {
        assertThatThrownBy(() -> start("--crm.demo-data=false", "--crm.admin.username=boss").close());

        assertThat(output).contains("APPLICATION FAILED TO START",
                "first start of an empty database (no users yet) and CRM_ADMIN_PASSWORD is not set", "Set CRM_ADMIN_USERNAME and "
                        + "CRM_ADMIN_PASSWORD").doesNotContain("at com.keyaccount.crm.config.FirstStart");
    }

    @Test
    void the_first_admin_comes_from_the_environment_and_no_demo_users_exist() {
        try (ConfigurableApplicationContext app = start("--crm.demo-data=false", "--crm.admin.username=boss",
                "--crm.admin.password=s3cret-pass")) {
            List<AppUser> users = app.getBean(AppUserRepository.class).findAll();
            assertThat(users).extracting(AppUser::getUsername).containsExactly("boss");
            assertThat(users.get(0).getRole()).isEqualTo(Role.ADMIN);
            assertThat(users.get(0).getPasswordHash()).doesNotContain("s3cret-pass");
            assertThat(app.getBean(PasswordEncoder.class).matches("s3cret-pass", users.get(0).getPasswordHash()))
                    .isTrue();
            assertThat(count(app, "customer")).isZero();
        }
    }

    @Test
    void the_embedded_database_gets_the_demo_book_by_default() {
        try (ConfigurableApplicationContext app = start()) {
            AppUserRepository users = app.getBean(AppUserRepository.class);
            assertThat(users.findAll()).extracting(AppUser::getUsername)
                    .containsExactlyInAnyOrder("admin", "director", "zhang", "li", "wang", "chen", "zhou", "sun", "wu");
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            assertThat(encoder.matches(DemoData.PASSWORD, users.findByUsername("zhang").orElseThrow().getPasswordHash()))
                    .isTrue();
            assertThat(count(app, "customer")).isEqualTo(300);
            assertThat(count(app, "sales_order")).isGreaterThan(3_000);
            assertThat(count(app, "contact")).isGreaterThanOrEqualTo(300);
            assertThat(count(app, "contact_log")).isGreaterThan(1_000);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(DISTINCT owner_id) FROM customer", Integer.class)).isEqualTo(3);
            // the organisation: the company, three provinces, regions and teams; two people on five teams each
            assertThat(count(app, "org_unit")).isEqualTo(10);
            assertThat(count(app, "service_member")).isEqualTo(10);
        }
    }

    @Test
    void a_second_start_on_the_same_database_adds_nothing() {
        String url = TestDatabase.freshH2("restart-" + UUID.randomUUID());
        try (ConfigurableApplicationContext first = startOn(url)) {
            assertThat(count(first, "customer")).isEqualTo(300);
        }
        try (ConfigurableApplicationContext second = startOn(url, "--crm.admin.username=late",
                "--crm.admin.password=late-pass")) {
            assertThat(count(second, "customer")).isEqualTo(300);
            assertThat(count(second, "app_user")).isEqualTo(9);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return startOn(TestDatabase.freshH2("first-start-" + UUID.randomUUID()), args);
    }

    private static ConfigurableApplicationContext startOn(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0", "--management.server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(CrmApplication.class).run(all.toArray(String[]::new));
    }

    private static int count(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}
