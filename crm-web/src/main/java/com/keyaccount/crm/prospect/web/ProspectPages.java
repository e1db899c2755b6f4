package com.keyaccount.crm.prospect.web;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.prospect.ImportedProspects;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.ProspectView;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.prospect.web.ProspectPage.Checklist;
import com.keyaccount.crm.prospect.web.ProspectPage.Choice;
import com.keyaccount.crm.prospect.web.ProspectPage.HistoryRow;
import com.keyaccount.crm.prospect.web.ProspectPage.Item;
import com.keyaccount.crm.prospect.web.ProspectPage.TickShown;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.LadderText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Puts a {@link ProspectView} into the page's words (the reader's language, money and dates as everywhere). */
class ProspectPages {

    private final LadderText ladderText;
    private final Formats formats;
    private final MessageSource messages;
    private final Team team;
    private final ZoneId businessZone;

    ProspectPages(LadderText ladderText, Formats formats, MessageSource messages, Team team, ZoneId businessZone) {
        this.ladderText = ladderText;
        this.formats = formats;
        this.messages = messages;
        this.team = team;
        this.businessZone = businessZone;
    }

    ProspectPage of(ProspectView view, LocalDate today) {
        ProspectLadder ladder = view.ladder();
        Map<Long, String> names = new HashMap<>();
        Prospect row = view.prospect().orElse(null);
        String refusal = row == null || row.getRefusalReason() == null ? null
                : row.getRefusalNote() == null ? ladderText.refusalReason(row.getRefusalReason())
                : text("prospect.refusal.withNote", ladderText.refusalReason(row.getRefusalReason()), row.getRefusalNote());
        Checklist current = view.stage().map(s -> checklist(view, s, names)).orElse(null);
        List<Checklist> next = new ArrayList<>();
        view.next().ifPresent(s -> next.add(checklist(view, s, names)));
        view.refusalBranch().ifPresent(s -> next.add(checklist(view, s, names)));
        List<Checklist> higher = view.above().stream().skip(1).map(s -> checklist(view, s, names)).toList();
        Checklist project = new Checklist(null, text("prospect.project.title"), text("prospect.rule.ALL_OF"),
                view.project(), view.ladder().projectFactors().stream().map(c -> item(view, c, names)).toList());
        List<Choice> stages = ladder.stages().stream().filter(s -> !s.code().equals(view.stageCode()))
                .map(s -> new Choice(s.code(), LadderText.label(s))).toList();
        String refusalStage = ladder.ofKind(StageKind.REFUSAL).map(StageDefinition::code).orElse(null);
        List<Choice> closeClasses = Arrays.stream(CloseClass.values())
                .map(c -> new Choice(c.name(), ladderText.closeClassWithRhythm(ladder, c))).toList();
        LocalDate since = view.stageSince().atZone(businessZone).toLocalDate();
        List<Choice> refusalReasons = Arrays.stream(RefusalReason.values())
                .map(r -> new Choice(r.name(), ladderText.refusalReason(r))).toList();
        return new ProspectPage(view, ladderText.stage(ladder, view.stageCode()), since,
                Math.max(0, ChronoUnit.DAYS.between(since, today)), refusal,
                row == null ? null : ladderText.closeClassWithRhythm(ladder, row.getCloseClass()),
                view.priorityClass() == null ? null : text("prospect.priority." + view.priorityClass().name()),
                current, next, higher, project, stages, refusalStage, refusalReasons, contacts(view),
                view.contacts().stream().anyMatch(c -> c.getDecisionRole() == DecisionRole.DECISION_MAKER),
                closeClasses, history(view));
    }

    private Checklist checklist(ProspectView view, StageDefinition stage, Map<Long, String> names) {
        String rule = stage.conditions().isEmpty() ? text("prospect.rule.none")
                : text("prospect.rule." + stage.requirement().name());
        return new Checklist(stage.code(), LadderText.label(stage), rule, stage.satisfiedBy(view.met()),
                stage.conditions().stream().map(c -> item(view, c, names)).toList());
    }

    private Item item(ProspectView view, LadderCondition condition, Map<Long, String> names) {
        boolean met = view.met().contains(condition.key());
        boolean automatic = condition.evidence().automatic();
        boolean decisionMaker = condition.evidence() == Evidence.DECISION_MAKER;
        ProspectTick tick = automatic ? null : view.ticks().get(condition.key());
        TickShown shown = null;
        String problem = null;
        if (tick != null) {
            Contact contact = tick.getContactId() == null ? null : view.contact(tick.getContactId()).orElse(null);
            shown = new TickShown(tick.getConfirmedOn(), tick.getNote(),
                    names.computeIfAbsent(tick.getTickedById(), id -> team.displayName(id).orElse("")),
                    contact == null ? null : contact.getName());
            if (decisionMaker && !met) {
                problem = contact == null ? text("prospect.tick.noDecisionMaker")
                        : text("prospect.tick.notDecisionMaker", contact.getName(),
                                text("role." + contact.getDecisionRole().name()));
            }
        }
        return new Item(condition.key(), LadderText.text(condition), met, automatic, decisionMaker,
                automatic ? reading(view, condition.evidence()) : null, shown, problem);
    }

    /** What the customer's record shows for an automatic condition, with the ladder's threshold. */
    private String reading(ProspectView view, Evidence evidence) {
        Customer c = view.customer();
        ProspectLadder ladder = view.ladder();
        return switch (evidence) {
            case FIVE_FACTS -> {
                List<String> missing = new ArrayList<>();
                if (c.getIndustry() == null) {
                    missing.add(text("customer.industry"));
                }
                if (c.getAnnualSales() == null && c.getEmployeeCount() == null) {
                    missing.add(text("prospect.fact.size"));
                }
                if (blank(c.getPhone())) {
                    missing.add(text("customer.phone"));
                }
                if (blank(c.getFax())) {
                    missing.add(text("customer.fax"));
                }
                yield missing.isEmpty() ? text("prospect.auto.fiveFacts.known")
                        : text("prospect.auto.fiveFacts.missing", String.join(text("prospect.list.separator"), missing));
            }
            case TARGET_INDUSTRY -> c.getIndustry() == null ? text("prospect.auto.industry.none")
                    : text(ladder.targetIndustries().contains(c.getIndustry()) ? "prospect.auto.industry.target"
                            : "prospect.auto.industry.other", text("industry." + c.getIndustry().name()));
            case SIZE -> c.getAnnualSales() == null
                    ? text("prospect.auto.size.none", money(ladder.minAnnualSales()))
                    : text(c.getAnnualSales().compareTo(ladder.minAnnualSales()) >= 0 ? "prospect.auto.size.met"
                            : "prospect.auto.size.below", money(c.getAnnualSales()), money(ladder.minAnnualSales()));
            case FIRST_ORDER -> text(view.facts().hasOrder() ? "prospect.auto.order.yes" : "prospect.auto.order.no");
            case TICK, DECISION_MAKER -> null;
        };
    }

    /** The customer's contacts for a decision-maker condition: decision makers first, each with its role. */
    private List<Choice> contacts(ProspectView view) {
        return view.contacts().stream()
                .sorted(Comparator.comparing((Contact c) -> c.getDecisionRole() != DecisionRole.DECISION_MAKER))
                .map(c -> new Choice(String.valueOf(c.getId()),
                        text("prospect.contact.choice", c.getName(), text("role." + c.getDecisionRole().name()))))
                .toList();
    }

    /**
     * Each move in words, with the conditions that held of the stages it reached (not every
     * condition that held at the time), named as the ladder it was made under named them.
     */
    private List<HistoryRow> history(ProspectView view) {
        Map<String, String> who = new HashMap<>();
        List<HistoryRow> rows = new ArrayList<>();
        for (ProspectStageChange change : view.history()) {
            ProspectLadder ladder = ladderText.version(change.getLadderVersion());
            Set<String> stored = change.getConditions() == null ? Set.of()
                    : Set.of(change.getConditions().split(","));
            List<String> held = new ArrayList<>();
            ladder.stage(change.getToStage()).ifPresent(to -> {
                List<StageDefinition> reached = new ArrayList<>(ladder.climb(ladder.level(change.getFromStage()), to));
                if (!reached.contains(to)) {
                    reached.add(to);
                }
                reached.forEach(s -> s.conditions().stream().filter(c -> stored.contains(c.key()))
                        .forEach(c -> held.add(LadderText.text(c))));
            });
            String by = who.computeIfAbsent(change.getChangedBy(),
                    username -> team.displayNameOf(username).orElse(username));
            rows.add(new HistoryRow(change.getChangedAt(), by,
                    ladderText.stage(ladder, change.getFromStage()), ladderText.stage(ladder, change.getToStage()),
                    held, ImportedProspects.IMPORTED.equals(change.getReason())
                            ? text("cadence.stageReason.imported") : change.getReason()));
        }
        return rows;
    }

    private String money(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? formats.wholeMoney(amount) : formats.money(amount);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
