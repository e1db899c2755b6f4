package com.keyaccount.crm.scoring.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.scoring.prospect.FunnelFlows.Moves;
import com.keyaccount.crm.scoring.prospect.FunnelFlows.StageFigures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Six prospects around a period:
 * <pre>
 * p1  A21 before; A21 → A08 in the period; at A08 now
 * p2  A08 before; A08 → A07 in the period; at A07 now
 * p3  created in the period at A21; A21 → A08, then A08 → A31 (refused) in it; at A31 now
 * p4  A21 before and since
 * p5  A08 through the period; A08 → A21 (a downgrade) after it; at A21 now
 * p6  created after the period; at A21 now
 * p7  at X9, a stage an earlier ladder had
 * </pre>
 */
class FunnelFlowsTest {

    private final ProspectLadder ladder = SeedLadder.ladder();

    private final Map<String, StageFigures> figures = FunnelFlows.of(ladder,
            Map.of("A21", 3L, "A08", 1L, "A07", 1L, "A31", 1L, "X9", 1L),
            List.of(new Moves("A21", "A08", true, 2), new Moves("A08", "A07", true, 1),
                    new Moves("A08", "A31", true, 1), new Moves("A08", "A21", false, 1)),
            1).stream().collect(Collectors.toMap(StageFigures::stage, Function.identity()));

    @Test
    void theLeadCountsWhoWasThereAtTheEndAndWhoLeftDuringThePeriod() {
        // p4 there at the end; p1 and p3 left (both up); p5 and p6 came after the end
        StageFigures lead = figures.get("A21");
        assertThat(lead.now()).isEqualTo(3);
        assertThat(lead.stood()).isEqualTo(3);
        assertThat(lead.movedUp()).isEqualTo(2);
        assertThat(lead.conversion()).isEqualTo(2 / 3.0);
        assertThat(lead.next()).isEqualTo("A08");
    }

    @Test
    void aRefusalIsALeaveButNotAMoveUp() {
        // p1 and p5 there at the end (p5 left only after it), p2 and p3 left during it: p2 up, p3 to A31
        StageFigures inScope = figures.get("A08");
        assertThat(inScope.stood()).isEqualTo(4);
        assertThat(inScope.left()).isEqualTo(2);
        assertThat(inScope.movedUp()).isEqualTo(1);
        assertThat(inScope.conversion()).isEqualTo(0.25);
        assertThat(inScope.next()).isEqualTo("A07");
    }

    @Test
    void aStageNobodyLeftConvertsNoneAndTheRefusalAndAnOldStageHaveNoConversion() {
        assertThat(figures.get("A07").conversion()).isEqualTo(0.0);
        assertThat(figures.get("A07").next()).isEqualTo("A06");
        assertThat(figures.get("A31").stood()).isEqualTo(1);
        assertThat(figures.get("A31").conversion()).isNull();
        assertThat(figures.get("X9").stood()).isEqualTo(1);
        assertThat(figures.get("X9").conversion()).isNull();
        assertThat(figures.get("A01").next()).isNull();
        assertThat(figures.get("A02").next()).isEqualTo("A01");
        assertThat(figures.get("A05").stood()).isZero();
        assertThat(figures.get("A05").conversion()).isNull();
    }

    @Test
    void stagesComeInLadderOrderThenEarlierLaddersStages() {
        assertThat(FunnelFlows.order(ladder, Set.of("X9", "A08", "B1")))
                .containsExactly("A21", "A08", "A31", "A07", "A06", "A05", "A04", "A03", "A02", "A01", "B1", "X9");
    }

    @Test
    void movingUpFromAStageTheLadderNoLongerHasCountsAsUp() {
        List<StageFigures> fromOld = FunnelFlows.of(ladder, Map.of("A08", 1L),
                List.of(new Moves("X9", "A08", true, 1)), 0);
        StageFigures old = fromOld.stream().filter(f -> f.stage().equals("X9")).findFirst().orElseThrow();
        assertThat(old.movedUp()).isEqualTo(1);
        assertThat(old.stood()).isEqualTo(1);
    }
}
