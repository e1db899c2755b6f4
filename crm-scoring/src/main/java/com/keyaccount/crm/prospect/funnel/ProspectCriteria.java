package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * Which prospects the list shows: every funnel figure's prospects are one of these. Null means
 * any. An account manager's criteria are always their own book, whatever owner they ask for;
 * {@code owner} is the one book shown, if one, {@code book} all the books shown.
 *
 * @param stage      the stage it stands at now
 * @param closeClass "A" … "E", or {@link Funnel#NONE} for not graded
 * @param priority   "A" … "D", or {@link Funnel#NONE}
 * @param stuckDays  still climbing, and no stage change for this many days
 * @param focus      what it did in a period: stood at, moved up from, or left a stage
 */
public record ProspectCriteria(Long owner, Region region, String stage, String closeClass, String priority,
        Integer stuckDays, RefusalReason reason, State state, Focus focus, Scope book) {

    /** One owner's book ({@code owner} null: the whole book). */
    public ProspectCriteria(Long owner, Region region, String stage, String closeClass, String priority,
            Integer stuckDays, RefusalReason reason, State state, Focus focus) {
        this(owner, region, stage, closeClass, priority, stuckDays, reason, state, focus,
                owner == null ? Scope.ALL : Scope.own(owner));
    }

    /** Where a prospect is on its way: still climbing, refused, or won (the won stage or past it). */
    public enum State {
        OPEN, REFUSED, WON;

        EnumSet<StageKind> kinds() {
            return switch (this) {
                case OPEN -> EnumSet.of(StageKind.LEAD, StageKind.STEP);
                case REFUSED -> EnumSet.of(StageKind.REFUSAL);
                case WON -> EnumSet.of(StageKind.WON, StageKind.CLOSED);
            };
        }
    }

    /** The funnel's period figures: stood at the stage at some time in it, moved up from it, left it. */
    public record Focus(Kind kind, String stage, LocalDate from, LocalDate to) {

        public enum Kind {
            STOOD, UP, LEFT
        }
    }

    public static ProspectCriteria of(Viewer viewer, Long owner, Region region, String stage, String closeClass,
            String priority, Integer stuckDays, RefusalReason reason, State state, Focus focus) {
        Scope book = viewer.book(owner);
        return new ProspectCriteria(book.single() ? Long.valueOf(book.theOwner()) : null, region, stage, closeClass,
                priority, stuckDays, reason, state, focus, book);
    }

    /** The conditions over {@link ProspectSql#FROM}, after who is a prospect; their arguments appended. */
    String where(ProspectSql sql, LocalDate today, List<Object> args) {
        StringBuilder where = new StringBuilder(ProspectSql.population());
        where.append(ProspectSql.scope(book, region, args));
        if (stage != null) {
            where.append(" AND ").append(sql.stage()).append(" = ?");
            args.add(stage);
        }
        if (closeClass != null) {
            where.append(Funnel.NONE.equals(closeClass) ? " AND p.close_class IS NULL" : " AND p.close_class = ?");
            if (!Funnel.NONE.equals(closeClass)) {
                args.add(closeClass);
            }
        }
        if (priority != null) {
            where.append(" AND ").append(ProspectSql.PRIORITY);
            if (Funnel.NONE.equals(priority)) {
                where.append(" IS NULL");
            } else {
                where.append(" = ?");
                args.add(priority.charAt(0) - 'A' + 1);
            }
        }
        if (stuckDays != null) {
            where.append(" AND ").append(sql.stuck(today, stuckDays));
        }
        if (reason != null) {
            where.append(" AND p.refusal_reason = ?");
            args.add(reason.name());
        }
        if (state == State.OPEN) {
            where.append(" AND ").append(sql.stage()).append(" NOT IN (").append(sql.codes(ProspectSql.SETTLED)).append(")");
        } else if (state != null) {
            where.append(" AND ").append(sql.stage()).append(" IN (").append(sql.codes(state.kinds())).append(")");
        }
        if (focus != null) {
            where.append(" AND ").append(focus(sql, today, args));
        }
        return where.toString();
    }

    /**
     * The period figures as sets of customer ids (uncorrelated, so the database hashes each set
     * once instead of looking it up per prospect, also under the OR).
     */
    private String focus(ProspectSql sql, LocalDate today, List<Object> args) {
        String start = sql.startOf(focus.from());
        String end = sql.startOf(focus.to().plusDays(1));
        String during = "SELECT s.customer_id FROM prospect_stage_change s WHERE s.changed_at >= " + start
                + " AND s.changed_at < " + end;
        return switch (focus.kind()) {
            case UP -> {
                args.add(focus.stage());
                yield "c.id IN (" + during + " AND s.from_stage = ? AND " + sql.level("s.to_stage") + " > "
                        + sql.level("s.from_stage") + ")";
            }
            case LEFT -> {
                args.add(focus.stage());
                yield "c.id IN (" + during + " AND s.from_stage = ?)";
            }
            case STOOD -> {
                // touched the stage in the period (left it or arrived), or changed nothing in it and
                // stood there throughout: where it stood at the end is where it stands now, unless
                // it moved since (then the first move after the end says where from)
                String atEnd = focus.to().isBefore(today)
                        ? "COALESCE((SELECT a.from_stage FROM prospect_stage_change a WHERE a.customer_id = c.id"
                                + " AND a.changed_at >= " + end + " ORDER BY a.changed_at, a.id LIMIT 1), "
                                + sql.stage() + ")"
                        : sql.stage();
                args.addAll(List.of(focus.stage(), focus.stage(), focus.stage()));
                yield "(c.id IN (" + during + " AND (s.from_stage = ? OR s.to_stage = ?)) OR (c.created_at < " + end
                        + " AND c.id NOT IN (" + during + ") AND " + atEnd + " = ?))";
            }
        };
    }
}
