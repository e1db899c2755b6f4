package com.keyaccount.crm.targets.application;

import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.org.UnitKind;
import com.keyaccount.crm.scoring.targets.Leaderboard;
import com.keyaccount.crm.scoring.targets.Measure;
import com.keyaccount.crm.targets.Targets;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units' rows of the board (team targets, issue 19): what the people of each unit and the
 * units below it did, summed, against the unit's own target and the same days a year before;
 * each unit ranked among the units of its level by net revenue. A director sees every unit; anyone
 * else the unit they sit in and the units below it.
 */
final class UnitRows {

    private UnitRows() {
    }

    static List<TargetBoard.UnitRow> of(Viewer viewer, List<Organisation.Node> chart, Map<Long, ActualFigures.Done> now,
            Map<Long, ActualFigures.Done> before, Map<Long, Targets> set) {
        List<TargetBoard.UnitRow> rows = new ArrayList<>();
        Map<Long, Set<Long>> people = branchPeople(chart);
        for (Organisation.Node n : chart) {
            if (n.kind() == UnitKind.COMPANY) {
                continue;
            }
            Done d = sum(people.get(n.id()), now);
            Done b = sum(people.get(n.id()), before);
            Targets t = set.getOrDefault(n.id(), Targets.NONE);
            rows.add(new TargetBoard.UnitRow(n.id(), n.name(), n.kind(), n.depth(),
                    new Measure(d.revenue, t.revenue(), b.revenue), Measure.of(d.orders, t.orders(), b.orders),
                    Measure.of(d.newKeyAccounts, t.newKeyAccounts(), b.newKeyAccounts),
                    Measure.of(d.buying, null, b.buying), 0, 0));
        }
        Map<Long, Integer> rank = new HashMap<>();
        Map<UnitKind, Integer> ofKind = new HashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            List<TargetBoard.UnitRow> level = Leaderboard.ranked(rows.stream().filter(r -> r.kind() == kind).toList(),
                    TargetBoard.UnitRow::revenue, TargetBoard.UnitRow::name);
            for (int i = 0; i < level.size(); i++) {
                rank.put(level.get(i).unitId(), i + 1);
            }
            ofKind.put(kind, level.size());
        }
        Set<Long> shown = viewer.scope().all() ? null : shownTo(viewer, chart);
        return rows.stream().filter(r -> shown == null || shown.contains(r.unitId()))
                .map(r -> new TargetBoard.UnitRow(r.unitId(), r.name(), r.kind(), r.depth(), r.revenue(), r.orders(),
                        r.newKeyAccounts(), r.buyingCustomers(), rank.get(r.unitId()), ofKind.get(r.kind())))
                .toList();
    }

    /** The people of each unit's branch. */
    private static Map<Long, Set<Long>> branchPeople(List<Organisation.Node> chart) {
        Map<Long, Set<Long>> people = new HashMap<>();
        for (Organisation.Node top : chart) {
            Set<Long> branch = new HashSet<>();
            Organisation.branch(chart, top.id()).forEach(n -> n.members().forEach(m -> branch.add(m.id())));
            people.put(top.id(), branch);
        }
        return people;
    }

    /** The unit the viewer sits in and the units below it. */
    private static Set<Long> shownTo(Viewer viewer, List<Organisation.Node> chart) {
        Set<Long> shown = new HashSet<>();
        chart.stream().filter(n -> n.members().stream().anyMatch(m -> m.id() == viewer.userId()))
                .forEach(top -> Organisation.branch(chart, top.id()).forEach(n -> shown.add(n.id())));
        return shown;
    }

    private record Done(BigDecimal revenue, long orders, long buying, long newKeyAccounts) {
    }

    private static Done sum(Set<Long> people, Map<Long, ActualFigures.Done> done) {
        BigDecimal revenue = BigDecimal.ZERO;
        long orders = 0;
        long buying = 0;
        long keyAccounts = 0;
        for (long person : people) {
            ActualFigures.Done d = done.getOrDefault(person, ActualFigures.Done.NONE);
            revenue = revenue.add(d.revenue());
            orders += d.orders();
            buying += d.buyingCustomers();
            keyAccounts += d.newKeyAccounts();
        }
        return new Done(revenue, orders, buying, keyAccounts);
    }
}
