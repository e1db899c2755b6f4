package com.keyaccount.crm.plan.web;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.plan.PlanContent;
import com.keyaccount.crm.plan.PlanDraft;
import com.keyaccount.crm.plan.PlanView;
import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * The plan form: goals, expected revenue, help asked for, and a table of actions. Rows left
 * entirely blank are dropped; a few blank rows are always offered, so no script is needed to add
 * one. {@code version} is the plan's version the form was opened on (none for a new plan).
 */
@Getter
@Setter
public class PlanForm {

    /** Blank rows offered below the written ones. */
    static final int SPARE_ROWS = 3;

    @Size(max = PlanContent.GOALS_MAX)
    @PlainText(multiLine = true)
    private String goals;

    @DecimalMin("0")
    @Digits(integer = 12, fraction = 2)
    @MoneyField
    private BigDecimal expectedRevenue;

    @Size(max = PlanContent.RESOURCES_MAX)
    @PlainText(multiLine = true)
    private String resources;

    @Valid
    @Size(max = PlanContent.ACTIONS_MAX + SPARE_ROWS)
    private List<ActionRow> actions = new ArrayList<>();

    private Long version;

    /** True when "save and submit" was pressed. */
    private boolean submit;

    @Getter
    @Setter
    public static class ActionRow {

        @Size(max = PlanContent.ACTION_MAX)
        @PlainText
        private String description;

        private LocalDate dueOn;

        private Long ownerId;

        private Channel channel;

        boolean blank() {
            return (description == null || description.isBlank()) && dueOn == null && channel == null;
        }
    }

    static PlanForm blank(long ownerId) {
        PlanForm form = new PlanForm();
        form.spareRows(ownerId);
        return form;
    }

    static PlanForm of(PlanView plan) {
        PlanForm form = new PlanForm();
        form.goals = plan.goals();
        form.expectedRevenue = plan.expectedRevenue();
        form.resources = plan.resources();
        form.version = plan.version();
        for (PlanView.ActionView a : plan.actions()) {
            ActionRow row = new ActionRow();
            row.description = a.description();
            row.dueOn = a.dueOn();
            row.ownerId = a.ownerId();
            row.channel = a.channel();
            form.actions.add(row);
        }
        form.spareRows(plan.authorId());
        return form;
    }

    /** Blank rows to type new actions in, owned by the author unless changed. */
    void spareRows(long ownerId) {
        actions.removeIf(ActionRow::blank);
        for (int i = 0; i < SPARE_ROWS && actions.size() < PlanContent.ACTIONS_MAX; i++) {
            ActionRow row = new ActionRow();
            row.ownerId = ownerId;
            actions.add(row);
        }
    }

    /**
     * What was typed, blank rows dropped. Kept in place so an error's row number is the row the
     * user sees: the rows above a blank one keep their numbers, and blank rows are only trailing
     * or skipped.
     */
    PlanDraft toDraft() {
        List<PlanDraft.ActionDraft> drafts = new ArrayList<>();
        for (ActionRow row : actions) {
            if (!row.blank()) {
                drafts.add(new PlanDraft.ActionDraft(row.description, row.dueOn, row.ownerId, row.channel));
            }
        }
        return new PlanDraft(goals, expectedRevenue, resources, drafts);
    }

    /** The form row of the {@code n}th non-blank action, so an error lands beside the row typed. */
    int rowOf(int n) {
        int seen = -1;
        for (int i = 0; i < actions.size(); i++) {
            if (!actions.get(i).blank() && ++seen == n) {
                return i;
            }
        }
        return n;
    }
}
