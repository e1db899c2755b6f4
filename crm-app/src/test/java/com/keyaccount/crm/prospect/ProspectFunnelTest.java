package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.Funnel.Group;
import com.keyaccount.crm.prospect.funnel.Funnel.Reason;
import com.keyaccount.crm.prospect.funnel.Funnel.StageRow;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria.Focus;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria.State;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import com.keyaccount.crm.prospect.funnel.ProspectList.Sort;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funnel over {@link ProspectBook}, every figure worked out by hand from the book. Period: the
 * last 30 days (moves then: b A08 → A07, c A21 → A08 → A31, d A06 → A05, e A08 → A21, g A08 → A31).
 */
@FullStackTest
class ProspectFunnelTest {

    private final Funnels funnels;
    private final ProspectList list;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private ProspectBook book;

    ProspectFunnelTest(Funnels funnels, ProspectList list, Fixtures fixtures, JdbcTemplate jdbc) {
        this.funnels = funnels;
        this.list = list;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        book = new ProspectBook(fixtures, jdbc, fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER));
    }

    private Funnel lastThirtyDays() {
        return funnels.funnel(new FunnelFilter(book.manager.getId(), null, book.today.minusDays(30), book.today, 30));
    }

    private static Map<String, StageRow> byCode(Funnel funnel) {
        return funnel.stages().stream().collect(Collectors.toMap(StageRow::code, Function.identity()));
    }

    @Test
    void stagesNowAndStuckCountTheManagersProspectsOnly() {
        Map<String, StageRow> stages = byCode(lastThirtyDays());
        // a and e at A21; b A07; d A05; c and g refused; f won (an ACTIVE customer keeps its row)
        assertThat(stages.get("A21").now()).isEqualTo(2);
        assertThat(stages.get("A08").now()).isZero();
        assertThat(stages.get("A07").now()).isEqualTo(1);
        assertThat(stages.get("A05").now()).isEqualTo(1);
        assertThat(stages.get("A31").now()).isEqualTo(2);
        assertThat(stages.get("A02").now()).isEqualTo(1);
        // only a has not moved for 30 days: e moved 12 days ago, b 20, d 25; refused and won are not stuck
        assertThat(stages.get("A21").stuck()).isEqualTo(1);
        assertThat(stages.values().stream().mapToLong(StageRow::stuck).sum()).isEqualTo(1);
        assertThat(lastThirtyDays().stages()).extracting(StageRow::code)
                .containsExactly("A21", "A08", "A31", "A07", "A06", "A05", "A04", "A03", "A02", "A01");
    }

    @Test
    void conversionCountsTheStaysAtEachStageDuringThePeriod() {
        Map<String, StageRow> stages = byCode(lastThirtyDays());
        // A21: a and e there at the end, c left (up): 3 stays, 1 up
        assertThat(stages.get("A21").stood()).isEqualTo(3);
        assertThat(stages.get("A21").movedUp()).isEqualTo(1);
        assertThat(stages.get("A21").conversion()).isCloseTo(1 / 3.0, within(1e-9));
        // A08: b (up to A07), c (refused), e (back to A21), g (refused) all left: 1 of 4 up
        assertThat(stages.get("A08").stood()).isEqualTo(4);
        assertThat(stages.get("A08").left()).isEqualTo(4);
        assertThat(stages.get("A08").conversion()).isEqualTo(0.25);
        // A06: d moved up to A05
        assertThat(stages.get("A06").conversion()).isEqualTo(1.0);
        assertThat(stages.get("A07").conversion()).isEqualTo(0.0);
        assertThat(stages.get("A31").stood()).isEqualTo(2);
        assertThat(stages.get("A31").conversion()).isNull();
        assertThat(stages.get("A04").conversion()).isNull();
    }

    @Test
    void medianDaysAreTheMiddleOfTheStaysThatEndedInThePeriod() {
        Map<String, StageRow> stages = byCode(lastThirtyDays());
        // c: created 10 days ago, left A21 8 days ago
        assertThat(stages.get("A21").medianDays()).isCloseTo(2.0, within(1e-6));
        // b 50 → 20 = 30, c 8 → 5 = 3, e 80 → 12 = 68, g 45 → 15 = 30: the middle of 3, 30, 30, 68
        assertThat(stages.get("A08").medianDays()).isCloseTo(30.0, within(1e-6));
        // d 40 → 25
        assertThat(stages.get("A06").medianDays()).isCloseTo(15.0, within(1e-6));
        assertThat(stages.get("A07").medianDays()).isNull();
    }

    @Test
    void aStayIsCountedInBusinessDaysFromTheDayItBeganToTheDayItEnded() {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        long id = fixtures.customer(owner, Fixtures.unique("夜")).getId();
        // created at 23:30 and moved on at 00:30 the next morning, Shanghai time: one day
        java.time.Instant created = book.today.minusDays(3).atTime(23, 30).atZone(ProspectBook.SHANGHAI).toInstant();
        java.time.Instant moved = book.today.minusDays(2).atTime(0, 30).atZone(ProspectBook.SHANGHAI).toInstant();
        jdbc.update("UPDATE customer SET status = 'PROSPECT', created_at = ? WHERE id = ?",
                java.sql.Timestamp.from(created), id);
        jdbc.update("""
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by, ladder_version)
                VALUES (?, 'A21', 'A08', ?, 'test', 0)""", id, java.sql.Timestamp.from(moved));
        jdbc.update("INSERT INTO prospect (customer_id, stage, stage_since, version) VALUES (?, 'A08', ?, 0)", id,
                java.sql.Timestamp.from(moved));
        Map<String, StageRow> stages = byCode(funnels.funnel(new FunnelFilter(owner.getId(), null,
                book.today.minusDays(30), book.today, 30)));
        assertThat(stages.get("A21").medianDays()).isEqualTo(1.0);
    }

    @Test
    void aPeriodThatEndedUndoesTheMovesSinceAndCountsProspectsCreatedAfterItNowhere() {
        // 60 to 31 days ago: b A21 → A08 (50), g A21 → A08 (45), d A07 → A06 (40) within; c not created yet
        Map<String, StageRow> stages = byCode(funnels.funnel(new FunnelFilter(book.manager.getId(), null,
                book.today.minusDays(60), book.today.minusDays(31), 30)));
        assertThat(stages.get("A21").stood()).isEqualTo(3); // a, b, g
        assertThat(stages.get("A21").movedUp()).isEqualTo(2);
        assertThat(stages.get("A21").medianDays()).isCloseTo(7.5, within(1e-6)); // b 10 days, g 5
        assertThat(stages.get("A08").stood()).isEqualTo(3); // b and g arrived, e there throughout
        assertThat(stages.get("A08").left()).isZero();
        assertThat(stages.get("A07").stood()).isEqualTo(1); // d
        assertThat(stages.get("A07").medianDays()).isCloseTo(110.0, within(1e-6));
        assertThat(stages.get("A31").stood()).isZero();
        assertThat(stages.get("A05").stood()).isZero();
    }

    @Test
    void classesManagersRegionsAndRefusalReasons() {
        Funnel funnel = lastThirtyDays();
        assertThat(funnel.closeCount("A07", "B")).isEqualTo(1);
        assertThat(funnel.closeCount("A21", "C")).isEqualTo(1);
        assertThat(funnel.closeCount("A21", Funnel.NONE)).isEqualTo(1);
        assertThat(funnel.closeTotal(Funnel.NONE)).isEqualTo(3); // a, d, g
        // priority: b (B, ¥60k) A; d (¥120k) A; f (A) A; e (C, ¥30k) B; c (E) D; a and g not graded
        assertThat(funnel.priorityTotal("A")).isEqualTo(3);
        assertThat(funnel.priorityTotal("B")).isEqualTo(1);
        assertThat(funnel.priorityTotal("D")).isEqualTo(1);
        assertThat(funnel.priorityTotal(Funnel.NONE)).isEqualTo(2);
        assertThat(funnel.byManager()).singleElement()
                .isEqualTo(new Group(String.valueOf(book.manager.getId()), book.manager.getDisplayName(), 7, 4, 1, 2, 1));
        assertThat(funnel.byRegion()).extracting(Group::key, Group::prospects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EAST", 6L), org.assertj.core.groups.Tuple.tuple("NORTH", 1L));
        assertThat(funnel.reasons()).containsExactly(new Reason(RefusalReason.PRICE, 1),
                new Reason(RefusalReason.HAS_SUPPLIER, 1));
        assertThat(funnel.total().prospects()).isEqualTo(7);
    }

    @Test
    void aRegionNarrowsEveryFigure() {
        Funnel north = funnels.funnel(new FunnelFilter(book.manager.getId(), Region.NORTH, book.today.minusDays(30),
                book.today, 30));
        assertThat(north.total().prospects()).isEqualTo(1);
        assertThat(byCode(north).get("A08").stood()).isEqualTo(1);
        assertThat(north.reasons()).containsExactly(new Reason(RefusalReason.HAS_SUPPLIER, 1));
    }

    @Test
    void theWholeBooksStaysAreTheSumOfTheRegionsStays() {
        // the whole book reads its stage changes without a customer row each (deleted ones left out
        // by id); per region it joins the customers: both ways must count the same stays
        LocalDate from = book.today.minusDays(30);
        Map<String, StageRow> all = byCode(funnels.funnel(new FunnelFilter(null, null, from, book.today, 30)));
        Map<String, long[]> summed = new java.util.HashMap<>();
        for (Region region : Region.values()) {
            for (StageRow s : funnels.funnel(new FunnelFilter(null, region, from, book.today, 30)).stages()) {
                long[] sum = summed.computeIfAbsent(s.code(), k -> new long[4]);
                sum[0] += s.now();
                sum[1] += s.stood();
                sum[2] += s.movedUp();
                sum[3] += s.left();
            }
        }
        assertThat(all.get("A08").left()).isGreaterThanOrEqualTo(4);
        all.forEach((code, s) -> assertThat(new long[] {s.now(), s.stood(), s.movedUp(), s.left()}).as(code)
                .containsExactly(summed.getOrDefault(code, new long[4])));
    }

    @Test
    void anAccountManagerAskingForAnotherManagersBookGetsTheirOwn() {
        Viewer viewer = new Viewer(book.manager.getId(), book.manager.getUsername(), Role.ACCOUNT_MANAGER);
        FunnelFilter filter = FunnelFilter.of(viewer, book.other.getId(), null, book.today.minusDays(30), book.today, 30);
        assertThat(filter.owner()).isEqualTo(book.manager.getId());
        assertThat(funnels.funnel(filter).total().prospects()).isEqualTo(7);
        assertThat(names(ProspectCriteria.of(viewer, book.other.getId(), null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g");
    }

    @Test
    void theListShowsThePeopleBehindEachFigure() {
        LocalDate from = book.today.minusDays(30);
        assertThat(names(criteria("A21", null, null, null, null, null, null))).containsExactlyInAnyOrder("a", "e");
        assertThat(names(criteria(null, null, null, 30, null, null, null))).containsExactly("a");
        assertThat(names(criteria(null, null, null, null, null, null, focus(Focus.Kind.STOOD, "A21", from))))
                .containsExactlyInAnyOrder("a", "c", "e");
        assertThat(names(criteria(null, null, null, null, null, null, focus(Focus.Kind.STOOD, "A08", from))))
                .containsExactlyInAnyOrder("b", "c", "e", "g");
        assertThat(names(criteria(null, null, null, null, null, null, focus(Focus.Kind.UP, "A08", from))))
                .containsExactly("b");
        assertThat(names(criteria(null, null, null, null, null, null, focus(Focus.Kind.LEFT, "A08", from))))
                .containsExactlyInAnyOrder("b", "c", "e", "g");
        assertThat(names(criteria(null, null, null, null, RefusalReason.PRICE, null, null))).containsExactly("c");
        assertThat(names(criteria(null, null, null, null, null, State.WON, null))).containsExactly("f");
        assertThat(names(criteria(null, null, null, null, null, State.REFUSED, null))).containsExactlyInAnyOrder("c", "g");
        assertThat(names(criteria(null, null, null, null, null, State.OPEN, null)))
                .containsExactlyInAnyOrder("a", "b", "d", "e");
        assertThat(names(criteria(null, Funnel.NONE, null, null, null, null, null))).containsExactlyInAnyOrder("a", "d", "g");
        assertThat(names(criteria(null, null, "A", null, null, null, null))).containsExactlyInAnyOrder("b", "d", "f");
        // a period that ended: e stood at A08 throughout it, with no change within it
        assertThat(names(criteria(null, null, null, null, null, null,
                new Focus(Focus.Kind.STOOD, "A08", book.today.minusDays(60), book.today.minusDays(31)))))
                .containsExactlyInAnyOrder("b", "e", "g");
    }

    @Test
    void aRowSaysHowLongTheProspectHasStoodAtItsStage() {
        ProspectList.Page page = list.page(criteria(null, null, null, null, null, null, null), Sort.DAYS, true, 0);
        assertThat(page.total()).isEqualTo(7);
        ProspectList.Row longest = page.rows().get(0);
        assertThat(longest.name()).isEqualTo(book.name("a")); // no row: since it was created, 100 days ago
        assertThat(longest.daysInStage()).isEqualTo(100);
        assertThat(longest.stage()).isEqualTo("A21");
        ProspectList.Row c = page.rows().stream().filter(r -> r.name().equals(book.name("c"))).findFirst().orElseThrow();
        assertThat(c.daysInStage()).isEqualTo(5);
        assertThat(c.reason()).isEqualTo(RefusalReason.PRICE);
        assertThat(c.priority()).isEqualTo("D");
    }

    @Test
    void thePriorityClassInSqlIsTheOneTheRuleGives() {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        List<String> values = List.of("100000.01", "100000", "50000", "49999.99", "20000", "19999.99", "0");
        List<Object[]> cases = new ArrayList<>();
        for (CloseClass close : CloseClass.values()) {
            for (String value : values) {
                cases.add(new Object[] {close, value});
            }
            cases.add(new Object[] {close, null});
        }
        for (String value : values) {
            cases.add(new Object[] {null, value});
        }
        cases.add(new Object[] {null, null});
        for (Object[] c : cases) {
            long id = fixtures.customer(owner, Fixtures.unique("级")).getId();
            jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", id);
            jdbc.update("""
                    INSERT INTO prospect (customer_id, stage, stage_since, close_class, expected_monthly_value, version)
                    VALUES (?, 'A21', CURRENT_TIMESTAMP, ?, ?, 0)""", id, c[0] == null ? null : c[0].toString(),
                    c[1] == null ? null : new BigDecimal((String) c[1]));
        }
        List<ProspectList.Row> rows = new ArrayList<>();
        list.each(new ProspectCriteria(owner.getId(), null, null, null, null, null, null, null, null), Sort.NAME, false,
                1_000, rows::add);
        assertThat(rows).hasSize(cases.size());
        for (ProspectList.Row row : rows) {
            PriorityClass expected = PriorityClass.of(row.closeClass() == null ? null : CloseClass.valueOf(row.closeClass()),
                    row.expectedMonthlyValue());
            assertThat(row.priority()).as(row.closeClass() + " / " + row.expectedMonthlyValue())
                    .isEqualTo(expected == null ? null : expected.name());
        }
    }

    private Focus focus(Focus.Kind kind, String stage, LocalDate from) {
        return new Focus(kind, stage, from, book.today);
    }

    private ProspectCriteria criteria(String stage, String close, String priority, Integer stuckDays,
            RefusalReason reason, State state, Focus focus) {
        return new ProspectCriteria(book.manager.getId(), null, stage, close, priority, stuckDays, reason, state, focus);
    }

    /** The book's keys of the prospects listed. */
    private List<String> names(ProspectCriteria criteria) {
        Map<String, String> keys = book.customers.keySet().stream()
                .collect(Collectors.toMap(book::name, Function.identity()));
        return list.page(criteria, Sort.NAME, false, 0).rows().stream().map(r -> keys.get(r.name())).toList();
    }
}
