package com.keyaccount.crm.prospect.funnel.web;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where each figure of the funnel leads: the prospect list with the funnel's filters (owner,
 * region) and the figure's own — a stage, a class, stuck for N days, a period figure, an owner,
 * a region, a refusal reason — so it lists the prospects the figure counts.
 */
public final class FunnelLinks {

    private final String context;
    private final FunnelFilter filter;
    private final boolean ownerFilter;

    FunnelLinks(String context, FunnelFilter filter, boolean ownerFilter) {
        this.context = context;
        this.filter = filter;
        this.ownerFilter = ownerFilter;
    }

    /** Every prospect the funnel counts. */
    public String all() {
        return base().toUriString();
    }

    public String stage(String code) {
        return base().queryParam("stage", code).toUriString();
    }

    public String stuck(String code) {
        UriComponentsBuilder b = base().queryParam("stuckDays", filter.stuckDays());
        return (code == null ? b : b.queryParam("stage", code)).toUriString();
    }

    /** open, refused, won */
    public String state(String state) {
        return base().queryParam("state", state).toUriString();
    }

    /** {@code kind}: stood, up or left, over the funnel's period. */
    public String period(String kind, String code) {
        return base().queryParam("focus", kind).queryParam("focusStage", code).queryParam("from", filter.from())
                .queryParam("to", filter.to()).toUriString();
    }

    /** {@code stage} null: every stage. */
    public String close(String stage, String closeClass) {
        UriComponentsBuilder b = base().queryParam("closeClass", closeClass);
        return (stage == null ? b : b.queryParam("stage", stage)).toUriString();
    }

    public String priority(String stage, String priority) {
        UriComponentsBuilder b = base().queryParam("priority", priority);
        return (stage == null ? b : b.queryParam("stage", stage)).toUriString();
    }

    public String reason(RefusalReason reason) {
        return base().queryParam("reason", reason).toUriString();
    }

    /** One owner's prospects; {@code what}: all, open, stuck, refused or won. */
    public String owner(String owner, String what) {
        return narrowed(base().replaceQueryParam("owner", owner), what);
    }

    public String region(String region, String what) {
        return narrowed(base().replaceQueryParam("region", region), what);
    }

    private String narrowed(UriComponentsBuilder b, String what) {
        return switch (what) {
            case "stuck" -> b.queryParam("stuckDays", filter.stuckDays()).toUriString();
            case "all" -> b.toUriString();
            default -> b.queryParam("state", what).toUriString();
        };
    }

    private UriComponentsBuilder base() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(context + "/prospects");
        if (ownerFilter && filter.owner() != null) {
            b.queryParam("owner", filter.owner());
        }
        if (filter.region() != null) {
            b.queryParam("region", filter.region());
        }
        return b;
    }
}
