package com.keyaccount.crm.care.web;

import com.keyaccount.crm.care.application.CarePolicies;
import com.keyaccount.crm.scoring.care.CareRules;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.MoneyField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's care rules: lead time, approval threshold, budgets per tier, who and what gets care. */
@Controller
@RequiredArgsConstructor
class CarePolicyController {

    private final CarePolicies policies;
    private final TierNames tierNames;

    @Getter
    @Setter
    public static class PolicyForm {
        @NotNull
        @Min(0)
        @Max(CareRules.MAX_LEAD_DAYS)
        private Integer leadDays;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal approvalThreshold;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal budgetA;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal budgetB;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal budgetC;

        @NotNull
        @DecimalMin("0")
        @Digits(integer = 16, fraction = 2)
        @MoneyField
        private BigDecimal largeOrder;

        private List<Tier> careTiers = new ArrayList<>();
        private List<String> holidays = new ArrayList<>();

        static PolicyForm of(CareRules r) {
            PolicyForm f = new PolicyForm();
            f.leadDays = r.leadDays();
            f.approvalThreshold = r.approvalThreshold();
            f.budgetA = r.budgets().get(Tier.A);
            f.budgetB = r.budgets().get(Tier.B);
            f.budgetC = r.budgets().get(Tier.C);
            f.largeOrder = r.largeOrder();
            f.careTiers = new ArrayList<>(r.careTiers().stream().sorted().toList());
            f.holidays = new ArrayList<>(r.holidays());
            return f;
        }

        CareRules toRules() {
            return new CareRules(0, leadDays, approvalThreshold, Map.of(Tier.A, budgetA, Tier.B, budgetB, Tier.C,
                    budgetC), careTiers == null || careTiers.isEmpty() ? EnumSet.noneOf(Tier.class)
                            : EnumSet.copyOf(careTiers),
                    holidays == null ? List.of() : holidays.stream().distinct().toList(), largeOrder);
        }
    }

    @GetMapping("/admin/care")
    String page(Model model) {
        return show(PolicyForm.of(policies.inForce()), model);
    }

    @PostMapping("/admin/care")
    String publish(@Valid @ModelAttribute("form") PolicyForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        List<String> known = policies.holidayNames();
        if (form.getHolidays() != null && !known.containsAll(form.getHolidays())) {
            result.rejectValue("holidays", "care.policy.holidays.unknown");
        }
        if (result.hasErrors()) {
            return show(form, model);
        }
        int version = policies.publish(viewer, form.toRules());
        redirect.addFlashAttribute("flash", "flash.care.policy");
        redirect.addFlashAttribute("publishedVersion", version);
        return "redirect:/admin/care";
    }

    private String show(PolicyForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("versions", policies.versions());
        model.addAttribute("holidayNames", policies.holidayNames());
        model.addAttribute("tierChoices", tierNames.tiers());
        return "admin/care";
    }
}
