package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
import static com.keyaccount.crm.scoring.schedule.DueRule.ON_SITE_VISIT;
import static com.keyaccount.crm.scoring.schedule.DueRule.RED_ZONE;
import static com.keyaccount.crm.scoring.schedule.DueRule.YELLOW_ZONE;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.ID;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.expect;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.NineGridZone;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.CadenceBasis;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.followup.rules.ZoneQuotas;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Nine-grid zones (issue 16): a customer's on-site visits follow its tier, its zone, or the one
 * due first, as the policy says. Dates worked out by hand on a Monday-to-Friday calendar; the
 * zones' defaults are red every 4 days, yellow every 15.
 */
class FollowUpZoneTest {

    @Test
    void by_default_visits_follow_the_tier_and_the_zone_changes_nothing() {
        // C: any contact every 30 days, no visit quota; Mon 03-02 + 30 = Wed 04-01
        assertThat(due(C, NineGridZone.RED, "2026-03-02", "2026-03-02", VisitQuotas.DEFAULT))
                .isEqualTo(expect("2026-04-01", ANY_CONTACT, "2026-03-02", 30));
    }

    @Test
    void following_the_zone_a_red_zone_customer_is_visited_every_four_days() {
        // red: last visit Mon 03-02 + 4 = Fri 03-06, before C's contact date 04-01
        assertThat(due(C, NineGridZone.RED, "2026-03-02", "2026-03-02", follows(CadenceBasis.ZONE)))
                .isEqualTo(expect("2026-03-06", RED_ZONE, "2026-03-02", 4));
    }

    @Test
    void a_zone_date_on_a_weekend_moves_to_the_next_working_day() {
        // red: Wed 03-04 + 4 = Sun 03-08 → Mon 03-09
        assertThat(due(C, NineGridZone.RED, "2026-03-04", "2026-03-04", follows(CadenceBasis.ZONE)))
                .isEqualTo(expect("2026-03-09", RED_ZONE, "2026-03-04", 4));
    }

    @Test
    void following_the_zone_replaces_a_more_frequent_tier_visit_quota_and_the_stricter_choice_keeps_it() {
        // A set to any contact every 30, visit every 7; yellow zone every 15
        VisitQuotas tierVisitsWeekly = ScheduleFixtures.quotas(A, new TierCadence(Cadence.every(30), Cadence.every(7)));
        // zone: Mon 03-02 + 15 = Tue 03-17; any contact 03-02 + 30 = Wed 04-01
        assertThat(due(A, NineGridZone.YELLOW, "2026-03-02", "2026-03-02",
                tierVisitsWeekly.withZones(ZoneQuotas.DEFAULT, CadenceBasis.ZONE)))
                .isEqualTo(expect("2026-03-17", YELLOW_ZONE, "2026-03-02", 15));
        // stricter: the tier's visit Mon 03-02 + 7 = Mon 03-09 comes first
        assertThat(due(A, NineGridZone.YELLOW, "2026-03-02", "2026-03-02",
                tierVisitsWeekly.withZones(ZoneQuotas.DEFAULT, CadenceBasis.STRICTER)))
                .isEqualTo(expect("2026-03-09", ON_SITE_VISIT, "2026-03-02", 7));
    }

    @Test
    void under_the_stricter_choice_the_zone_wins_when_it_is_due_first() {
        // A: visit every 30 (Mon 03-02 → Wed 04-01), any contact every 7 (Thu 03-05 → Thu 03-12); red: 03-06
        assertThat(due(A, NineGridZone.RED, "2026-03-05", "2026-03-02", follows(CadenceBasis.STRICTER)))
                .isEqualTo(expect("2026-03-06", RED_ZONE, "2026-03-02", 4));
    }

    @Test
    void on_equal_dates_the_zone_is_named() {
        // A any contact every 7: Mon 03-02 → Mon 03-09; red set to every 7: visit Mon 03-02 → 03-09
        VisitQuotas redWeekly = VisitQuotas.DEFAULT.withZones(new ZoneQuotas(Cadence.every(7), new Cadence(15, 4)),
                CadenceBasis.STRICTER);
        assertThat(due(A, NineGridZone.RED, "2026-03-02", "2026-03-02", redWeekly))
                .isEqualTo(expect("2026-03-09", RED_ZONE, "2026-03-02", 7));
    }

    @Test
    void a_customer_outside_the_zones_follows_its_tier_whatever_the_policy_says() {
        // A: any contact Mon 03-02 + 7 = Mon 03-09; visit Fri 02-27 + 30 = Sun 03-29 → Mon 03-30
        assertThat(due(A, NineGridZone.NONE, "2026-03-02", "2026-02-27", follows(CadenceBasis.ZONE)))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void a_zone_customer_never_visited_counts_from_when_it_became_known() {
        // known since Mon 2026-03-02 (no contact at all); yellow: + 15 = Tue 03-17; C any contact + 30 = 04-01
        ScheduleInput input = new ScheduleInput(ID, C, LocalDate.parse("2026-03-02"), null, null, null, null, null,
                null, NineGridZone.YELLOW);
        assertThat(FollowUpScheduler.nextDue(input, follows(CadenceBasis.ZONE), WorkingCalendar.WEEKDAYS_ONLY))
                .isEqualTo(expect("2026-03-17", YELLOW_ZONE, "2026-03-02", 15));
    }

    private static VisitQuotas follows(CadenceBasis basis) {
        return VisitQuotas.DEFAULT.withZones(ZoneQuotas.DEFAULT, basis);
    }

    private static FollowUpDue due(Tier tier, NineGridZone zone, String contact, String visit, VisitQuotas quotas) {
        ScheduleInput input = new ScheduleInput(ID, tier, LocalDate.parse("2020-01-06"), LocalDate.parse(contact),
                LocalDate.parse(visit), null, null, null, null, zone);
        return FollowUpScheduler.nextDue(input, quotas, WorkingCalendar.WEEKDAYS_ONLY);
    }
}
