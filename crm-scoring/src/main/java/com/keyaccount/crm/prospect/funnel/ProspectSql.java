package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL every prospect figure shares, for the ladder in force. Who is a prospect: a customer,
 * not deleted, that is a prospect by status or has a {@code prospect} row (a won prospect keeps
 * its row when it becomes a customer); one without a row stands at the lead stage since it was
 * created. Stage codes and instants are written into the statements, not bound: the codes are the
 * ladder's (checked against {@link StageDefinition#CODE}), the instants come from dates, so
 * nothing a user typed gets in; bound, PostgreSQL plans the big aggregates generically from their
 * sixth run on a pooled connection (see {@code WindowFigures}).
 */
final class ProspectSql {

    /** Stages a prospect is no longer climbing: it cannot be stuck there. */
    static final Set<StageKind> SETTLED = EnumSet.of(StageKind.REFUSAL, StageKind.WON, StageKind.CLOSED);

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Seed 003's prospect classes (PriorityClass): the better of the close-time reading (A, B → A;
     * C → B; D → C; E → D) and the expected monthly value (over ¥100k → A; ¥50–100k → B; ¥20–50k →
     * C; less → D), as 1–4, null when neither is known. ProspectListTest holds it to PriorityClass.of.
     */
    static final String PRIORITY = """
            NULLIF(LEAST(COALESCE(CASE p.close_class WHEN 'A' THEN 1 WHEN 'B' THEN 1 WHEN 'C' THEN 2 WHEN 'D' THEN 3 \
            WHEN 'E' THEN 4 END, 9), COALESCE(CASE WHEN p.expected_monthly_value > 100000 THEN 1 \
            WHEN p.expected_monthly_value >= 50000 THEN 2 WHEN p.expected_monthly_value >= 20000 THEN 3 \
            WHEN p.expected_monthly_value IS NOT NULL THEN 4 END, 9)), 9)""";

    /** The prospects, with their {@code prospect} row where there is one. */
    static final String FROM = "customer c LEFT JOIN prospect p ON p.customer_id = c.id";

    private final ProspectLadder ladder;
    private final ZoneId zone;

    ProspectSql(ProspectLadder ladder, ZoneId zone) {
        this.ladder = ladder;
        this.zone = zone;
    }

    ProspectLadder ladder() {
        return ladder;
    }

    /** Who is a prospect, over {@link #FROM}. */
    static String population() {
        return "c.deleted = FALSE AND (c.status = 'PROSPECT' OR p.customer_id IS NOT NULL)";
    }

    /** Who is a prospect, over {@code customer c} alone (beside a stage change, say). */
    static String populationWithoutJoin() {
        return "c.deleted = FALSE AND (c.status = 'PROSPECT' OR EXISTS (SELECT 1 FROM prospect pp WHERE pp.customer_id = c.id))";
    }

    /** A filter by owner and region over {@code customer c}, its arguments appended. */
    static String scope(Scope book, Region region, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (!book.all()) {
            sql.append(" AND ").append(book.sql("c.owner_id"));
        }
        if (region != null) {
            sql.append(" AND c.region = ?");
            args.add(region.name());
        }
        return sql.toString();
    }

    /** The stage a prospect stands at. */
    String stage() {
        return "COALESCE(p.stage, " + literal(ladder.lead().code()) + ")";
    }

    /** Since when it stands there. */
    static String since() {
        return "COALESCE(p.stage_since, c.created_at)";
    }

    /** The height of the stage in {@code column} on the ladder, -1 for a stage it no longer has. */
    String level(String column) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (StageDefinition s : ladder.stages()) {
            if (StageDefinition.CODE.matcher(s.code()).matches()) {
                sql.append(" WHEN ").append(literal(s.code())).append(" THEN ").append(ladder.level(s.code()));
            }
        }
        return sql.append(" ELSE -1 END").toString();
    }

    /** The codes of the stages of these kinds, as an SQL list ({@code 'A31', 'A02'}); never empty (the won stage is required). */
    String codes(Set<StageKind> kinds) {
        String list = ladder.stages().stream().filter(s -> kinds.contains(s.kind()))
                .map(StageDefinition::code).filter(code -> StageDefinition.CODE.matcher(code).matches())
                .map(ProspectSql::literal).collect(Collectors.joining(", "));
        return list.isEmpty() ? "''" : list;
    }

    /** Whether a prospect at {@code code} no longer climbs (a stage the ladder no longer has still climbs). */
    boolean settled(String code) {
        return ladder.stage(code).map(s -> SETTLED.contains(s.kind())).orElse(false);
    }

    /** Climbing (not refused, won or closed) and no stage change since before {@code stuckDays} days ago. */
    String stuck(LocalDate today, int stuckDays) {
        return stage() + " NOT IN (" + codes(SETTLED) + ") AND " + since() + " < "
                + instant(stuckBefore(today, stuckDays));
    }

    /** Stuck for N days: its stage day is N or more days before today. */
    Instant stuckBefore(LocalDate today, int stuckDays) {
        return today.minusDays(stuckDays - 1L).atStartOfDay(zone).toInstant();
    }

    /** The first instant of a business day. */
    String startOf(LocalDate day) {
        return instant(day.atStartOfDay(zone).toInstant());
    }

    /** A timestamp literal both databases read, in UTC. */
    static String instant(Instant at) {
        return "TIMESTAMP WITH TIME ZONE '" + INSTANT.format(at.atOffset(ZoneOffset.UTC)) + "+00:00'";
    }

    /** A stage code as a literal; codes match [A-Z][A-Z0-9]{1,7}, anything else can match no stage. */
    static String literal(String code) {
        return StageDefinition.CODE.matcher(code).matches() ? "'" + code + "'" : "''";
    }
}
