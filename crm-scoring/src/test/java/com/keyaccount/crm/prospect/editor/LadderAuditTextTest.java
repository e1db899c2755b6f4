package com.keyaccount.crm.prospect.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the audit log keeps of a publication: the parts that changed, old → new, none longer than its column. */
class LadderAuditTextTest {

    @Test
    void only_the_parts_that_changed_are_listed_each_as_it_reads() {
        ProspectLadder seed = SeedLadder.ladder();
        List<StageDefinition> stages = new ArrayList<>(seed.stages());
        stages.remove(seed.stage("A01").orElseThrow());
        ProspectLadder after = new ProspectLadder(stages, seed.projectFactors(), EnumSet.of(Industry.IT, Industry.FINANCE),
                new BigDecimal("3000000.00"), seed.cadenceDays());

        assertThat(LadderAuditText.changes(seed, after)).extracting(c -> c.field() + ": " + c.before() + " -> " + c.after())
                .containsExactly(
                        "stages: A21, A08, A31, A07, A06, A05, A04, A03, A02, A01 -> A21, A08, A31, A07, A06, A05, A04, A03, A02",
                        "stage[A01].nameZh: 结案级 -> null",
                        "stage[A01].nameEn: Closed -> null",
                        "stage[A01].kind: CLOSED -> null",
                        "stage[A01].requirement: ALL_OF -> null",
                        "stage[A01].conditionsZh: 1. 客户已使用完本公司供应的产品; 2. 已收完本次合作的所有款项; 3. 未遗留有条件的承诺 -> null",
                        "stage[A01].conditionsEn: 1. The goods supplied are used up; 2. All money for this deal is received;"
                                + " 3. No conditional promise is left open -> null",
                        "stage[A01].evidence: TICK, TICK, TICK -> null",
                        "targetIndustries: AGRICULTURE, MANUFACTURING, CONSTRUCTION, IT, WHOLESALE_RETAIL, HOSPITALITY,"
                                + " FINANCE, REAL_ESTATE, LEASING_BUSINESS_SERVICES, RESIDENT_SERVICES, ENTERTAINMENT -> IT, FINANCE",
                        "minAnnualSales: 5000000 -> 3000000");
        assertThat(LadderAuditText.changes(seed, SeedLadder.ladder())).isEmpty();
    }

    @Test
    void a_value_longer_than_the_audit_column_is_cut_with_an_ellipsis() {
        ProspectLadder seed = SeedLadder.ladder();
        List<LadderCondition> long12 = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long12.add(new LadderCondition("long_" + i, "长".repeat(300), "x".repeat(300), null));
        }
        StageDefinition a04 = seed.stage("A04").orElseThrow();
        List<StageDefinition> stages = seed.stages().stream().map(s -> s != a04 ? s
                : new StageDefinition(s.code(), s.nameZh(), s.nameEn(), s.kind(), s.requirement(), long12)).toList();

        String zh = LadderAuditText.fields(new ProspectLadder(stages, seed.projectFactors(), seed.targetIndustries(),
                seed.minAnnualSales(), seed.cadenceDays())).get("stage[A04].conditionsZh");

        assertThat(zh).hasSize(LadderAuditText.LONGEST_VALUE).endsWith("…").startsWith("1. 长长");
    }
}
