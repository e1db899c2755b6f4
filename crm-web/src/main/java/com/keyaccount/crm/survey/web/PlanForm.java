package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.survey.SurveyPlan;
import lombok.Getter;
import lombok.Setter;

/** The survey plan as edited: months per tier (empty: not asked periodically), after complaints, link days. */
@Getter
@Setter
public class PlanForm {

    private Integer monthsA;
    private Integer monthsB;
    private Integer monthsC;
    private boolean afterComplaint;
    private Integer linkDays;

    static PlanForm of(SurveyPlan plan) {
        PlanForm form = new PlanForm();
        form.monthsA = plan.monthsA();
        form.monthsB = plan.monthsB();
        form.monthsC = plan.monthsC();
        form.afterComplaint = plan.afterComplaint();
        form.linkDays = plan.linkDays();
        return form;
    }

    SurveyPlan toPlan() {
        return new SurveyPlan(monthsA, monthsB, monthsC, afterComplaint, linkDays == null ? 0 : linkDays);
    }
}
