package com.keyaccount.crm.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** How many expensive requests each user has running in this instance, capped per user. */
final class RunningRequests {

    private final int perUser;
    private final ConcurrentMap<Long, Integer> running = new ConcurrentHashMap<>();

    RunningRequests(int perUser) {
        this.perUser = perUser;
    }

    int perUser() {
        return perUser;
    }

    /** Counts one more for the user, unless they are at the cap; returns whether it was counted. */
    boolean tryStart(long user) {
        boolean[] started = {false};
        running.compute(user, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perUser) {
                return count;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    void finish(long user) {
        // the entry goes with the last running request, so the map holds only users with work in hand
        running.computeIfPresent(user, (id, count) -> count <= 1 ? null : count - 1);
    }
}
