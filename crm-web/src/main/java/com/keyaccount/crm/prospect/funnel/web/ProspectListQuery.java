package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria.Focus;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria.State;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import com.keyaccount.crm.prospect.funnel.ProspectList.Sort;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.PageNumbers;
import java.time.LocalDate;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The prospect list's query string: the filters every funnel figure links with, sort and page.
 * A value that makes no sense (an unknown class, a stage code that cannot be one, half a period)
 * is left out, as the customer list leaves out bad filters, and the page says so.
 */
@Getter
@Setter
public class ProspectListQuery {

    private static final Map<String, Sort> SORTS = Map.of("name", Sort.NAME, "owner", Sort.OWNER, "stage", Sort.STAGE,
            "days", Sort.DAYS, "close", Sort.CLOSE, "priority", Sort.PRIORITY, "value", Sort.VALUE,
            "contact", Sort.CONTACT);
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Long owner;
    private Region region;
    private String stage;
    private String closeClass;
    private String priority;
    private Integer stuckDays;
    private RefusalReason reason;
    /** open, refused or won */
    private String state;
    /** stood, up or left, with {@code focusStage}, {@code from} and {@code to} */
    private String focus;
    private String focusStage;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private String sort = "name";
    private String dir = "asc";
    private int page;

    /** Whether a filter given had to be left out. */
    boolean hasNonsense() {
        return stage != null && !validStage() || closeClass != null && !validClose()
                || priority != null && !validPriority() || stuckDays != null && !validStuck()
                || state != null && stateOf() == null || focus != null && focusOf() == null;
    }

    ProspectCriteria criteria(Viewer viewer) {
        return ProspectCriteria.of(viewer, owner, region, validStage() ? stage : null,
                validClose() ? closeClass : null, validPriority() ? priority : null, validStuck() ? stuckDays : null,
                reason, stateOf(), focusOf());
    }

    Sort sortKey() {
        return SORTS.getOrDefault(sort, Sort.NAME);
    }

    boolean descending() {
        return "desc".equals(dir);
    }

    int pageNumber() {
        return PageNumbers.bounded(page, ProspectList.PAGE_SIZE);
    }

    boolean validStage() {
        return stage != null && stageCode(stage);
    }

    boolean validClose() {
        return closeClass != null && Funnel.CLOSE_CLASSES.contains(closeClass);
    }

    boolean validPriority() {
        return priority != null && Funnel.PRIORITY_CLASSES.contains(priority);
    }

    boolean validStuck() {
        return stuckDays != null && stuckDays >= 1 && stuckDays <= FunnelFilter.MOST_STUCK_DAYS;
    }

    State stateOf() {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "open" -> State.OPEN;
            case "refused" -> State.REFUSED;
            case "won" -> State.WON;
            default -> null;
        };
    }

    /** Whether a period figure (stood at, moved up from, left a stage) narrows the list. */
    public boolean hasFocus() {
        return focusOf() != null;
    }

    Focus focusOf() {
        if (focus == null || focusStage == null || !stageCode(focusStage) || from == null || to == null
                || from.isAfter(to) || from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            return null;
        }
        Focus.Kind kind = switch (focus) {
            case "stood" -> Focus.Kind.STOOD;
            case "up" -> Focus.Kind.UP;
            case "left" -> Focus.Kind.LEFT;
            default -> null;
        };
        return kind == null ? null : new Focus(kind, focusStage, from, to);
    }

    private static boolean stageCode(String code) {
        return StageDefinition.CODE.matcher(code).matches();
    }

    public String pageUrl(int targetPage) {
        return url("/prospects", sort, dir, targetPage, null);
    }

    /** Clicking the current sort column flips the direction; another column starts ascending. */
    public String sortUrl(String key) {
        return url("/prospects", key, key.equals(sort) && "asc".equals(dir) ? "desc" : "asc", 0, null);
    }

    public boolean sortedBy(String key, String direction) {
        return key.equals(sort) && direction.equals(dir);
    }

    public String exportUrl(String format) {
        return url("/prospects/export." + format, sort, dir, 0, null);
    }

    /** The same list without one filter (a chip's ×); {@code focus} drops the whole period figure. */
    public String without(String filter) {
        return url("/prospects", sort, dir, 0, filter);
    }

    private String url(String path, String sortKey, String direction, int targetPage, String leftOut) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "owner", owner, leftOut);
        add(b, "region", region, leftOut);
        add(b, "stage", validStage() ? stage : null, leftOut);
        add(b, "closeClass", validClose() ? closeClass : null, leftOut);
        add(b, "priority", validPriority() ? priority : null, leftOut);
        add(b, "stuckDays", validStuck() ? stuckDays : null, leftOut);
        add(b, "reason", reason, leftOut);
        add(b, "state", stateOf() == null ? null : state, leftOut);
        if (focusOf() != null && !"focus".equals(leftOut)) {
            b.queryParam("focus", focus).queryParam("focusStage", focusStage).queryParam("from", from)
                    .queryParam("to", to);
        }
        add(b, "sort", sortKey, null);
        add(b, "dir", direction, null);
        add(b, "page", targetPage == 0 ? null : targetPage, null);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value, String leftOut) {
        if (value != null && !name.equals(leftOut)) {
            b.queryParam(name, value);
        }
    }
}
