package com.keyaccount.crm.prospect;

import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Viewer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Ladders changed a little from another, the form a browser posts for one, and the test book's clean-up. */
final class Ladders {

    private Ladders() {
    }

    static Viewer viewer(AppUser user) {
        return new Viewer(user.getId(), user.getUsername(), user.getRole());
    }

    /** {@code ladder} with the stage {@code code} changed by {@code change}. */
    static ProspectLadder withStage(ProspectLadder ladder, String code, UnaryOperator<StageDefinition> change) {
        return withStages(ladder, ladder.stages().stream().map(s -> s.code().equals(code) ? change.apply(s) : s).toList());
    }

    static ProspectLadder withStages(ProspectLadder ladder, List<StageDefinition> stages) {
        return new ProspectLadder(stages, ladder.projectFactors(), ladder.targetIndustries(), ladder.minAnnualSales(),
                ladder.cadenceDays());
    }

    /** {@code ladder} without the stage {@code code}. */
    static ProspectLadder without(ProspectLadder ladder, String code) {
        return withStages(ladder, ladder.stages().stream().filter(s -> !s.code().equals(code)).toList());
    }

    /** {@code ladder} with a step {@code code} inserted after {@code after}. */
    static ProspectLadder withStepAfter(ProspectLadder ladder, String after, String code) {
        List<StageDefinition> stages = new ArrayList<>();
        for (StageDefinition s : ladder.stages()) {
            stages.add(s);
            if (s.code().equals(after)) {
                stages.add(new StageDefinition(code, "测试阶段", "Test stage", StageKind.STEP,
                        null, List.of()));
            }
        }
        return withStages(ladder, stages);
    }

    static StageDefinition withConditions(StageDefinition s, List<LadderCondition> conditions) {
        return new StageDefinition(s.code(), s.nameZh(), s.nameEn(), s.kind(), s.requirement(), conditions);
    }

    static ProspectLadder withCadence(ProspectLadder ladder, CloseClass closeClass, int days) {
        Map<CloseClass, Integer> cadence = new EnumMap<>(ladder.cadenceDays());
        cadence.put(closeClass, days);
        return new ProspectLadder(ladder.stages(), ladder.projectFactors(), ladder.targetIndustries(),
                ladder.minAnnualSales(), cadence);
    }

    /** What the editor's form posts for {@code ladder} edited from {@code basedOn}, as a browser sends it. */
    static MultiValueMap<String, String> form(ProspectLadder ladder, int basedOn) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("basedOn", Integer.toString(basedOn));
        for (int i = 0; i < ladder.stages().size(); i++) {
            StageDefinition s = ladder.stages().get(i);
            String at = "stages[" + i + "].";
            params.add(at + "code", s.code());
            params.add(at + "originalCode", s.code());
            params.add(at + "nameZh", s.nameZh());
            params.add(at + "nameEn", s.nameEn());
            params.add(at + "kind", s.kind().name());
            params.add(at + "requirement", s.requirement().name());
            conditions(params, at + "conditions", s.conditions());
        }
        conditions(params, "projectFactors", ladder.projectFactors());
        ladder.targetIndustries().forEach(industry -> params.add("targetIndustries", industry.name()));
        params.add("_targetIndustries", "on");
        params.add("minAnnualSales", ladder.minAnnualSales().toPlainString());
        ladder.cadenceDays().forEach((c, d) -> params.add("cadenceDays[" + c + "]", Integer.toString(d)));
        return params;
    }

    private static void conditions(MultiValueMap<String, String> params, String path, List<LadderCondition> conditions) {
        for (int j = 0; j < conditions.size(); j++) {
            LadderCondition c = conditions.get(j);
            String at = path + "[" + j + "].";
            params.add(at + "key", c.key());
            params.add(at + "textZh", c.textZh());
            params.add(at + "textEn", c.textEn());
            params.add(at + "evidence", c.evidence().name());
        }
    }

    /** Other tests read the seed's ladder as the one in force. */
    static void backToTheSeed(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM prospect_ladder");
    }
}
