package com.keyaccount.crm.scoring.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.scoring.plan.ActionProgress.Logged;
import com.keyaccount.crm.scoring.plan.ActionProgress.Planned;
import com.keyaccount.crm.scoring.plan.ActionProgress.Progress;
import com.keyaccount.crm.scoring.plan.ActionProgress.State;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's actions read from the contacts logged at the account in its quarter. */
class ActionProgressTest {

    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);
    private static final long ZHANG = 1;
    private static final long LI = 2;

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void two_planned_visits_need_two_visits_each_taken_in_date_order() {
        List<Progress> p = ActionProgress.of(List.of(
                        new Planned(d(12, 15), ZHANG, Channel.VISIT),
                        new Planned(d(10, 20), ZHANG, Channel.VISIT)),
                List.of(new Logged(d(11, 5), ZHANG, Channel.VISIT)), FROM, TO, d(11, 30));
        assertThat(p).containsExactly(new Progress(State.OPEN, null), new Progress(State.DONE_LATE, d(11, 5)));
    }

    @Test
    void only_the_actions_owner_and_channel_in_the_quarter_count() {
        List<Progress> p = ActionProgress.of(List.of(new Planned(d(11, 1), ZHANG, Channel.PHONE)), List.of(
                new Logged(d(10, 2), LI, Channel.PHONE),
                new Logged(d(10, 3), ZHANG, Channel.VISIT),
                new Logged(d(9, 30), ZHANG, Channel.PHONE)), FROM, TO, d(12, 1));
        assertThat(p).containsExactly(new Progress(State.MISSED, null));
    }

    @Test
    void done_on_or_before_its_date_is_on_time_and_an_action_without_a_channel_is_not_tracked() {
        List<Progress> p = ActionProgress.of(List.of(
                        new Planned(d(10, 10), ZHANG, Channel.MEETING),
                        new Planned(d(10, 10), ZHANG, null)),
                List.of(new Logged(d(10, 10), ZHANG, Channel.MEETING)), FROM, TO, d(10, 10));
        assertThat(p).containsExactly(new Progress(State.DONE, d(10, 10)), new Progress(State.NOT_TRACKED, null));
    }

    @Test
    void an_action_due_today_is_still_open() {
        assertThat(ActionProgress.of(List.of(new Planned(d(10, 10), ZHANG, Channel.VISIT)), List.of(), FROM, TO,
                d(10, 10))).containsExactly(new Progress(State.OPEN, null));
    }
}
