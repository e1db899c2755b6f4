package com.keyaccount.crm.scoring.plan;

import com.keyaccount.crm.contactlog.Channel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a plan's actions were done, from the contacts logged at the account: an action with a
 * channel (a visit, a call…) is done by the first contact of that channel its owner logged in the
 * quarter that no earlier action took (two visits planned need two visits). Without a channel an
 * action cannot be read from the log and is left to the reader.
 */
public final class ActionProgress {

    private ActionProgress() {
    }

    /** An action as the plan has it. */
    public record Planned(LocalDate dueOn, long ownerId, Channel channel) {
    }

    /** A contact logged at the account. */
    public record Logged(LocalDate on, long authorId, Channel channel) {
    }

    public enum State {
        /** Done on or before its date. */
        DONE,
        /** Done, after its date. */
        DONE_LATE,
        /** Not done yet; its date has not passed. */
        OPEN,
        /** Not done and its date has passed. */
        MISSED,
        /** No channel: the log cannot tell. */
        NOT_TRACKED
    }

    public record Progress(State state, LocalDate doneOn) {
    }

    /**
     * Each action's progress, in the plan's order.
     *
     * @param from the quarter's first day: earlier contacts belong to another plan
     * @param to   the last day that counts: the quarter's last day, or today while it runs
     */
    public static List<Progress> of(List<Planned> actions, List<Logged> contacts, LocalDate from, LocalDate to,
            LocalDate today) {
        List<Logged> left = new ArrayList<>(contacts.stream()
                .filter(c -> !c.on().isBefore(from) && !c.on().isAfter(to))
                .sorted(Comparator.comparing(Logged::on)).toList());
        List<Integer> byDate = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            byDate.add(i);
        }
        byDate.sort(Comparator.comparing((Integer i) -> actions.get(i).dueOn()).thenComparing(i -> i));
        Progress[] result = new Progress[actions.size()];
        for (int i : byDate) {
            Planned a = actions.get(i);
            result[i] = a.channel() == null ? new Progress(State.NOT_TRACKED, null) : progress(a, left, today);
        }
        return List.of(result);
    }

    private static Progress progress(Planned a, List<Logged> left, LocalDate today) {
        Optional<Logged> done = left.stream()
                .filter(c -> c.authorId() == a.ownerId() && c.channel() == a.channel()).findFirst();
        if (done.isPresent()) {
            left.remove(done.get());
            LocalDate on = done.get().on();
            return new Progress(on.isAfter(a.dueOn()) ? State.DONE_LATE : State.DONE, on);
        }
        return new Progress(today.isAfter(a.dueOn()) ? State.MISSED : State.OPEN, null);
    }
}
