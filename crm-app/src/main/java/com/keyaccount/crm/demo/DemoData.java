package com.keyaccount.crm.demo;

import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The demo book: five users (password {@value #PASSWORD}) and their customers with a year of history. */
@Component
@RequiredArgsConstructor
public class DemoData {

    public static final String PASSWORD = "demo1234";
    static final long SEED = 20261122L;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId businessZone;
    private final TierPolicyRepository tierPolicies;
    private final QuotaPolicies quotaPolicies;
    private final BusinessCalendar calendar;

    @Transactional(propagation = Propagation.MANDATORY)
    public void seed(DemoDataGenerator.Size size) {
        long started = System.nanoTime();
        String hash = passwordEncoder.encode(PASSWORD);
        users.save(new AppUser("admin", hash, "系统管理员", Role.ADMIN, null));
        users.save(new AppUser("director", hash, "赵敏（销售总监）", Role.SALES_DIRECTOR, null));
        List<DemoDataGenerator.Manager> managers = List.of(
                manager("zhang", "张伟", "EAST", hash),
                manager("li", "李娜", "SOUTH", hash),
                manager("wang", "王强", "NORTH", hash));
        users.save(new AppUser("chen", hash, "陈刚（区域经理）", Role.REGIONAL_MANAGER, "EAST"));
        users.save(new AppUser("zhou", hash, "周洁（省区经理）", Role.PROVINCE_MANAGER, "NORTH"));
        users.flush();
        String[] shanghai = {"华东省区", "上海区域", "上海一组"};
        String[] guangzhou = {"华南省区", "广州区域", "广州一组"};
        String[] beijing = {"华北省区", "北京区域", "北京一组"};
        int units = new DemoOrganisation(jdbc, clock.instant()).write(new java.util.LinkedHashMap<>(Map.of(
                "zhang", shanghai, "li", guangzhou, "wang", beijing,
                "chen", new String[] {"华东省区", "上海区域"}, "zhou", new String[] {"华北省区"})));
        log.info("Demo data: {} units of the organisation", units);
        users.save(new AppUser("sun", hash, "孙丽（客服）", Role.CUSTOMER_SERVICE, "EAST"));
        users.save(new AppUser("wu", hash, "吴昊（市场）", Role.MARKETING, "EAST"));
        users.flush();
        LocalDate today = LocalDate.now(clock.withZone(businessZone));
        // the book is shaped to the rules in force: its contacts follow the tiers its orders will earn
        TierPolicy policy = tierPolicies.inForceOn(today).orElseThrow();
        DemoDataGenerator.Rules rules = new DemoDataGenerator.Rules(policy.paretoCutoffs(), policy.getWindowMonths(),
                quotaPolicies.current().quotas(), calendar.workingCalendar());
        int customers = new DemoDataGenerator(jdbc, businessZone, today, SEED, rules).generate(size, managers);
        int prospects = new DemoProspects(jdbc, SEED, clock.instant()).write(businessZone);
        log.info("Demo data: {} prospects on the ladder", prospects);
        log.info("Demo data: {} satisfaction surveys answered", new DemoSurveys(jdbc, SEED, clock.instant()).write());
        log.info("Demo data: {} customers assessed for the nine-grid",
                new DemoAssessments(jdbc, SEED, clock.instant()).write());
        int complaints = new DemoComplaints(jdbc, clock.instant(), businessZone, calendar.workingCalendar()).write();
        log.info("Demo data: {} complaints", complaints);
        log.info("Demo data: {} service team places", DemoOrganisation.serviceTeams(jdbc, clock.instant(),
                "zhang", "sun", "wu"));
        log.info("Demo data: {} joint on-site visits", DemoOrganisation.jointVisits(jdbc, clock.instant(), "zhang", "chen"));
        // statistics before the last steps read the bulk-loaded book (a large book planned blind takes minutes)
        jdbc.execute("ANALYZE");
        log.info("Demo data: targets for this quarter and year, {} account plans",
                new DemoPlans(jdbc, clock.instant(), today).write());
        // fresh statistics, or the first queries over a bulk-loaded book get poor plans
        jdbc.execute("ANALYZE");
        log.info("Demo data: 9 users (password '{}'), {} customers, generated in {} ms", PASSWORD, customers,
                (System.nanoTime() - started) / 1_000_000);
    }

    private DemoDataGenerator.Manager manager(String username, String name, String region, String hash) {
        AppUser user = users.save(new AppUser(username, hash, name, Role.ACCOUNT_MANAGER, region));
        return new DemoDataGenerator.Manager(user.getId(), region);
    }
}
