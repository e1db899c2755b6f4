package com.keyaccount.crm.targets.web;

import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.org.UnitKind;
import com.keyaccount.crm.targets.Targets;
import com.keyaccount.crm.user.application.TeamMember;
import com.keyaccount.crm.web.MoneyField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/**
 * The targets of a period: a row per account manager, then a row per unit of the organisation
 * (its id in {@code unitId} instead of {@code userId}); a blank figure is no target.
 */
@Getter
@Setter
public class TargetForm {

    @Valid
    private List<Row> rows = new ArrayList<>();

    @Getter
    @Setter
    public static class Row {

        private Long userId;

        /** A unit's row instead of a person's. */
        private Long unitId;

        /** The person's or unit's name, carried so a refused form shows it again without asking anyone. */
        private String name;

        /** A unit's level and depth in the tree, carried for the same reason. */
        private UnitKind kind;

        private int depth;

        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @MoneyField
        private BigDecimal revenue;

        @Min(0)
        @Max(Targets.COUNT_MAX)
        private Integer orders;

        @Min(0)
        @Max(Targets.COUNT_MAX)
        private Integer newKeyAccounts;

        private static Row of(String name, Targets t) {
            Row row = new Row();
            row.name = name;
            row.revenue = t.revenue();
            row.orders = t.orders();
            row.newKeyAccounts = t.newKeyAccounts();
            return row;
        }
    }

    static TargetForm of(List<TeamMember> managers, Map<Long, Targets> set, List<Organisation.Node> units,
            Map<Long, Targets> unitsSet) {
        TargetForm form = of(managers, set);
        for (Organisation.Node n : units) {
            if (n.kind() == UnitKind.COMPANY) {
                continue;
            }
            Row row = Row.of(n.name(), unitsSet.getOrDefault(n.id(), Targets.NONE));
            row.unitId = n.id();
            row.kind = n.kind();
            row.depth = n.depth();
            form.rows.add(row);
        }
        return form;
    }

    static TargetForm of(List<TeamMember> managers, Map<Long, Targets> set) {
        TargetForm form = new TargetForm();
        for (TeamMember m : managers) {
            Row row = Row.of(m.displayName(), set.getOrDefault(m.id(), Targets.NONE));
            row.userId = m.id();
            form.rows.add(row);
        }
        return form;
    }

    /** The people's targets typed, by user id. */
    Map<Long, Targets> typed() {
        Map<Long, Targets> typed = new LinkedHashMap<>();
        rows.stream().filter(r -> r.unitId == null && r.userId != null)
                .forEach(r -> typed.put(r.userId, new Targets(r.revenue, r.orders, r.newKeyAccounts)));
        return typed;
    }

    /** The units' targets typed, by unit id. */
    Map<Long, Targets> typedUnits() {
        Map<Long, Targets> typed = new LinkedHashMap<>();
        rows.stream().filter(r -> r.unitId != null)
                .forEach(r -> typed.put(r.unitId, new Targets(r.revenue, r.orders, r.newKeyAccounts)));
        return typed;
    }

    /** The form row of a person (or with {@code unit} a unit), for a refusal named by its id. */
    int rowOf(long id, boolean unit) {
        for (int i = 0; i < rows.size(); i++) {
            Long rowId = unit ? rows.get(i).unitId : rows.get(i).unitId == null ? rows.get(i).userId : null;
            if (rowId != null && rowId == id) {
                return i;
            }
        }
        return 0;
    }
}
