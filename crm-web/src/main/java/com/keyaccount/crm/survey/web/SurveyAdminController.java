package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.QuestionKind;
import com.keyaccount.crm.survey.application.Questionnaires;
import com.keyaccount.crm.survey.application.SurveyPlans;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration → Satisfaction surveys: the questionnaire (each save a new version) and the survey plan. */
@Controller
class SurveyAdminController {

    private final Questionnaires questionnaires;
    private final SurveyPlans plans;

    SurveyAdminController(Questionnaires questionnaires, SurveyPlans plans) {
        this.questionnaires = questionnaires;
        this.plans = plans;
    }

    @GetMapping("/admin/surveys")
    String page(Model model) {
        model.addAttribute("form", QuestionnaireForm.of(questionnaires.current()));
        model.addAttribute("plan", PlanForm.of(plans.current()));
        return show(model);
    }

    @PostMapping("/admin/surveys/questionnaire")
    String publish(@Valid @ModelAttribute("form") QuestionnaireForm form, BindingResult result, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            int before = questionnaires.current().version();
            List<Violation> violations = questionnaires.publish(viewer, form.toQuestionnaire());
            if (violations.isEmpty()) {
                redirect.addFlashAttribute("flash", questionnaires.current().version() == before
                        ? "flash.survey.unchanged" : "flash.survey.published");
                return "redirect:/admin/surveys";
            }
            ViolationFields.reject(result, violations, v -> v.path().equals("questions") ? null : v.path(),
                    v -> "survey.violation." + v.code());
        }
        form.getQuestions().removeIf(QuestionnaireForm.Row::empty);
        // the rows as they were typed, with the spare rows again (the error paths stay on their rows)
        for (int i = 0; i < QuestionnaireForm.SPARE_ROWS; i++) {
            form.getQuestions().add(new QuestionnaireForm.Row());
        }
        model.addAttribute("plan", PlanForm.of(plans.current()));
        return show(model);
    }

    @PostMapping("/admin/surveys/plan")
    String plan(@ModelAttribute("plan") PlanForm plan, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            List<Violation> violations = plans.publish(viewer, plan.toPlan());
            if (violations.isEmpty()) {
                redirect.addFlashAttribute("flash", "flash.surveyPlan.saved");
                return "redirect:/admin/surveys#plan";
            }
            ViolationFields.reject(result, violations, Violation::path, v -> "surveyPlan.violation." + v.code());
        }
        model.addAttribute("form", QuestionnaireForm.of(questionnaires.current()));
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("history", questionnaires.history());
        return "admin/surveys";
    }
}
