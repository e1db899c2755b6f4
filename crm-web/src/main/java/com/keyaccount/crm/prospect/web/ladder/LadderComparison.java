package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.web.Formats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;

/**
 * The conflict page's table for a ladder: the admin's ladder beside the one published meanwhile,
 * part by part, in the reader's language with the texts in both (the shared {@code conflict :: comparison}
 * fragment).
 */
final class LadderComparison {

    /** {@code label} is the message key naming the part. */
    record Row(String label, String mine, String current, boolean differs) {
    }

    private final MessageSource messages;
    private final Formats formats;
    private final Locale locale;
    private final boolean chinese;

    LadderComparison(MessageSource messages, Formats formats, Locale locale) {
        this.messages = messages;
        this.formats = formats;
        this.locale = locale;
        this.chinese = locale.getLanguage().equals("zh");
    }

    /** The parts that differ (all of them when none does); of the conditions, the stages whose differ. */
    List<Row> rows(ProspectLadder mine, ProspectLadder current) {
        Set<String> changed = new LinkedHashSet<>();
        Stream.concat(mine.stages().stream(), current.stages().stream()).map(StageDefinition::code).forEach(code -> {
            if (!conditionsOf(mine, code).equals(conditionsOf(current, code))) {
                changed.add(code);
            }
        });
        List<Row> rows = new ArrayList<>();
        row(rows, "ladderEditor.section.stages", mine, current, this::stages);
        row(rows, "ladderEditor.conditions", mine, current, l -> conditions(l, changed));
        row(rows, "ladderEditor.section.projectFactors", mine, current, l -> list(l.projectFactors()));
        row(rows, "ladderEditor.targetIndustries", mine, current, l -> l.targetIndustries().stream().sorted()
                .map(i -> word("industry." + i)).collect(Collectors.joining(chinese ? "、" : ", ")));
        row(rows, "ladderEditor.minAnnualSales", mine, current,
                l -> l.minAnnualSales() == null ? "" : formats.money(l.minAnnualSales()));
        row(rows, "ladderEditor.section.cadence", mine, current, l -> Arrays.stream(CloseClass.values())
                .map(c -> word("ladderEditor.cadence.value", c, l.cadenceDays(c))).collect(Collectors.joining("\n")));
        List<Row> differing = rows.stream().filter(Row::differs).toList();
        return differing.isEmpty() ? rows : differing;
    }

    private String conditionsOf(ProspectLadder ladder, String code) {
        return ladder.stage(code).map(s -> list(s.conditions())).orElse("");
    }

    private void row(List<Row> rows, String label, ProspectLadder mine, ProspectLadder current,
            Function<ProspectLadder, String> text) {
        String a = text.apply(mine);
        String b = text.apply(current);
        rows.add(new Row(label, a, b, !a.equals(b)));
    }

    private String stages(ProspectLadder ladder) {
        return ladder.stages().stream().map(s -> s.code() + " " + name(s) + " · " + word("ladderEditor.kind." + s.kind())
                + (s.conditions().isEmpty() ? "" : " · " + word("ladderEditor.requirement." + s.requirement())))
                .collect(Collectors.joining("\n"));
    }

    private String conditions(ProspectLadder ladder, Set<String> changed) {
        return ladder.stages().stream().filter(s -> changed.contains(s.code()) && !s.conditions().isEmpty())
                .map(s -> s.code() + "\n" + list(s.conditions())).collect(Collectors.joining("\n"));
    }

    private String list(List<LadderCondition> conditions) {
        return conditions.stream().map(c -> "· " + both(c.textZh(), c.textEn()) + " ("
                + word("ladderEditor.evidence." + c.evidence()) + ")").collect(Collectors.joining("\n"));
    }

    private String name(StageDefinition stage) {
        return both(stage.nameZh(), stage.nameEn());
    }

    /** Both languages, the reader's first: a change to either must show. */
    private String both(String zh, String en) {
        return chinese ? zh + " / " + en : en + " / " + zh;
    }

    private String word(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
