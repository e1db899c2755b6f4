package com.keyaccount.crm.shared;

import java.time.Duration;

/**
 * How background work (a tier recompute, an import) shows that its server is alive: a timestamp
 * on its row, touched every {@link #EVERY} by a timer thread of the instance that runs it, so it
 * keeps beating through a long SQL statement. A row that has not beaten for {@link #SILENT_FOR}
 * belongs to a server that stopped (crash, kill -9, power): any instance may then clean it up.
 * Eight missed beats leave room for a pause (garbage collection, a busy database) without
 * mistaking a live server for a dead one. Beats are written with the server's clock and judged
 * with another's: the servers' clocks must agree (NTP) to well within that margin.
 */
public final class Heartbeat {

    public static final Duration EVERY = Duration.ofSeconds(15);
    public static final Duration SILENT_FOR = EVERY.multipliedBy(8);
    /** For {@code @Scheduled(fixedDelayString = ...)}; the same as {@link #EVERY}. */
    public static final String EVERY_ISO = "PT15S";

    private Heartbeat() {
    }
}
