package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnel.StageRow;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole book's funnel. On PostgreSQL its period figures come from the summary the database
 * keeps beside the stage changes (migration V31), a manager's or a region's from the changes
 * themselves; so every figure of the whole book must move by exactly what the managers' funnels
 * show, whatever writes or deletes the history, and the stays must count the same days.
 */
@FullStackTest
class WholeBookFunnelTest {

    private static final Map<String, ToLongFunction<StageRow>> FIGURES = Map.of("now", StageRow::now,
            "stuck", StageRow::stuck, "stood", StageRow::stood, "movedUp", StageRow::movedUp, "left", StageRow::left);

    private final Funnels funnels;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    WholeBookFunnelTest(Funnels funnels, Fixtures fixtures, JdbcTemplate jdbc) {
        this.funnels = funnels;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private Funnel wholeBook(LocalDate from, LocalDate to) {
        return funnels.compute(new FunnelFilter(null, null, from, to, 30));
    }

    private Funnel of(AppUser manager, LocalDate from, LocalDate to) {
        return funnels.compute(new FunnelFilter(manager.getId(), null, from, to, 30));
    }

    private static Map<String, StageRow> byCode(Funnel funnel) {
        return funnel.stages().stream().collect(Collectors.toMap(StageRow::code, Function.identity()));
    }

    private static long figure(Funnel funnel, String stage, String figure) {
        StageRow row = byCode(funnel).get(stage);
        return row == null ? 0 : FIGURES.get(figure).applyAsLong(row);
    }

    /** after − before = the sum of the parts, for every stage and figure. */
    private static void assertGrewBy(Funnel before, Funnel after, Funnel... parts) {
        for (StageRow row : after.stages()) {
            for (String figure : FIGURES.keySet()) {
                long sum = 0;
                for (Funnel part : parts) {
                    sum += figure(part, row.code(), figure);
                }
                assertThat(figure(after, row.code(), figure) - figure(before, row.code(), figure))
                        .as("%s %s", row.code(), figure).isEqualTo(sum);
            }
        }
    }

    @Test
    void theWholeBookGrowsByWhatEachManagersFunnelShowsAndADeletedProspectLeavesIt() {
        LocalDate today = funnels.today();
        LocalDate from = today.minusDays(30);
        Funnel before = wholeBook(from, today);
        Funnel quarterBefore = wholeBook(today.minusDays(90), today);
        ProspectBook book = new ProspectBook(fixtures, jdbc, fixtures.user(Role.ACCOUNT_MANAGER),
                fixtures.user(Role.ACCOUNT_MANAGER));

        Funnel after = wholeBook(from, today);
        Funnel mine = of(book.manager, from, today);
        assertGrewBy(before, after, mine, of(book.other, from, today));
        assertGrewBy(quarterBefore, wholeBook(today.minusDays(90), today), of(book.manager, today.minusDays(90), today),
                of(book.other, today.minusDays(90), today));
        // d moved A06 → A05 25 days ago: deleted, it counts nowhere; restored, it is back
        assertThat(figure(mine, "A06", "movedUp")).isEqualTo(1);
        jdbc.update("UPDATE customer SET deleted = TRUE WHERE id = ?", book.id("d"));
        Funnel deleted = wholeBook(from, today);
        assertThat(figure(deleted, "A06", "movedUp")).isEqualTo(figure(after, "A06", "movedUp") - 1);
        assertThat(figure(deleted, "A05", "now")).isEqualTo(figure(after, "A05", "now") - 1);
        jdbc.update("UPDATE customer SET deleted = FALSE WHERE id = ?", book.id("d"));
        assertGrewBy(before, wholeBook(from, today), mine, of(book.other, from, today));
        // a history taken out (as the benchmark takes out its prospects) leaves the figures too
        jdbc.update("DELETE FROM prospect_stage_change WHERE customer_id = ?", book.id("g"));
        Funnel withoutG = wholeBook(from, today);
        assertThat(figure(withoutG, "A08", "left")).isEqualTo(figure(after, "A08", "left") - 1);
    }

    @Test
    void aProspectReassignedOrMovedToAnotherRegionCountsWhereItIsNow() {
        LocalDate today = funnels.today();
        ProspectBook book = new ProspectBook(fixtures, jdbc, fixtures.user(Role.ACCOUNT_MANAGER),
                fixtures.user(Role.ACCOUNT_MANAGER));
        Funnel mineBefore = of(book.manager, today.minusDays(30), today);
        Funnel otherBefore = of(book.other, today.minusDays(30), today);
        assertThat(figure(mineBefore, "A05", "now")).isEqualTo(1);

        // d (at A05 since 25 days) goes to the other manager, as the reassign page moves it
        jdbc.update("UPDATE customer SET owner_id = ? WHERE id = ?", book.other.getId(), book.id("d"));

        assertThat(figure(of(book.manager, today.minusDays(30), today), "A05", "now")).isZero();
        assertThat(figure(of(book.other, today.minusDays(30), today), "A05", "now"))
                .isEqualTo(figure(otherBefore, "A05", "now") + 1);
        Funnel north = funnels.compute(new FunnelFilter(book.other.getId(), Region.NORTH, today.minusDays(30), today, 30));
        assertThat(figure(north, "A05", "now")).isZero();
        jdbc.update("UPDATE customer SET region = 'NORTH' WHERE id = ?", book.id("d"));
        north = funnels.compute(new FunnelFilter(book.other.getId(), Region.NORTH, today.minusDays(30), today, 30));
        assertThat(figure(north, "A05", "now")).isOne();
        assertThat(byCode(north).get("A05").stuck()).as("moved 25 days ago: not stuck at 30").isZero();
    }

    @Test
    void theWholeBooksStaysCountBusinessDaysFromTheChangeBeforeOrTheCustomersCreation() {
        // a stretch of days long past that no other test writes: these are its only changes
        LocalDate base = LocalDate.of(1985, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5000));
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // stays at A08 ending in the period: 2, 5 and 9 days; at A21: 3 days (from creation)
        Customer x = prospect(manager, base.minusDays(3));
        move(x, "A21", "A08", base);
        move(x, "A08", "A07", base.plusDays(2));
        Customer y = prospect(manager, base.minusDays(20));
        move(y, "A21", "A08", base.minusDays(4));
        move(y, "A08", "A21", base.plusDays(1));
        Customer z = prospect(manager, base.minusDays(30));
        move(z, "A21", "A08", base.minusDays(8));
        move(z, "A08", "A07", base.plusDays(1));
        // after the period: counts as a move after it, not as a stay in it
        move(z, "A07", "A06", base.plusDays(20));

        Map<String, StageRow> stages = byCode(wholeBook(base, base.plusDays(10)));
        assertThat(stages.get("A08").medianDays()).isCloseTo(5.0, within(1e-6));
        assertThat(stages.get("A08").movedUp()).isEqualTo(2);
        assertThat(stages.get("A08").left()).isEqualTo(3);
        assertThat(stages.get("A21").medianDays()).isCloseTo(3.0, within(1e-6));
        assertThat(stages.get("A07").medianDays()).isNull();
    }

    private Customer prospect(AppUser owner, LocalDate created) {
        Customer c = fixtures.customer(owner, Fixtures.unique("远期漏斗"));
        jdbc.update("UPDATE customer SET status = 'PROSPECT', created_at = ? WHERE id = ?", at(created), c.getId());
        return c;
    }

    private void move(Customer c, String from, String to, LocalDate day) {
        jdbc.update("""
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by, ladder_version)
                VALUES (?, ?, ?, ?, 'test', 0)""", c.getId(), from, to, at(day));
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(10, 0).atZone(ProspectBook.SHANGHAI).toInstant());
    }
}
