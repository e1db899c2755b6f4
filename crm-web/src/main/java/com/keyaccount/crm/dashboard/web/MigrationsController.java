package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.dashboard.application.Migrations;
import com.keyaccount.crm.tier.TierNames;
import com.keyaccount.crm.dashboard.application.TierMigrations;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tier migrations between two days, and the customers behind each cell. */
@Controller
@RequiredArgsConstructor
class MigrationsController {

    private final TierMigrations migrations;
    private final TierNames tierNames;
    private final Team team;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/dashboard/migrations")
    String matrix(@Valid @ModelAttribute("query") MigrationsQuery query, BindingResult result,
            Viewer viewer, Model model) {
        query.defaults(LocalDate.now(clock.withZone(businessZone)));
        FilterChoices.addTo(model, viewer, team);
        if (!result.hasErrors()) {
            Migrations matrix = migrations.matrix(FilterChoices.filter(query, viewer), query.getFrom(), query.getTo());
            model.addAttribute("migrations", matrix);
            model.addAttribute("tiers", matrix.shown(tierNames.ladder().size()));
            if (query.getFromTier() != null && query.getToTier() != null
                    && Migrations.TIERS.contains(query.getFromTier()) && Migrations.TIERS.contains(query.getToTier())) {
                model.addAttribute("movers", migrations.movers(FilterChoices.filter(query, viewer), query.getFrom(), query.getTo(),
                        query.getFromTier(), query.getToTier()));
            } else if ("up".equals(query.getMoved()) || "down".equals(query.getMoved())) {
                model.addAttribute("movers", migrations.moves(FilterChoices.filter(query, viewer), query.getFrom(), query.getTo(),
                        "up".equals(query.getMoved())));
            }
        }
        if (!model.containsAttribute("tiers")) {
            model.addAttribute("tiers", Migrations.shownFor(tierNames.ladder().size()));
        }
        return "dashboard/migrations";
    }
}
