package com.keyaccount.crm.targets.web;

import com.keyaccount.crm.targets.Targets;
import com.keyaccount.crm.user.application.TeamMember;
import com.keyaccount.crm.web.MoneyField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/** The targets of a period: a row per account manager; a blank figure is no target. */
@Getter
@Setter
public class TargetForm {

    @Valid
    private List<Row> rows = new ArrayList<>();

    @Getter
    @Setter
    public static class Row {

        @NotNull
        private Long userId;

        /** The person's name, carried so a refused form shows it again without asking anyone. */
        private String name;

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
    }

    static TargetForm of(List<TeamMember> managers, Map<Long, Targets> set) {
        TargetForm form = new TargetForm();
        for (TeamMember m : managers) {
            Targets t = set.getOrDefault(m.id(), Targets.NONE);
            Row row = new Row();
            row.userId = m.id();
            row.name = m.displayName();
            row.revenue = t.revenue();
            row.orders = t.orders();
            row.newKeyAccounts = t.newKeyAccounts();
            form.rows.add(row);
        }
        return form;
    }

    Map<Long, Targets> typed() {
        Map<Long, Targets> typed = new LinkedHashMap<>();
        rows.forEach(r -> typed.put(r.userId, new Targets(r.revenue, r.orders, r.newKeyAccounts)));
        return typed;
    }

    /** The form row of a person, for a refusal named by their id. */
    int rowOf(long userId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).userId != null && rows.get(i).userId == userId) {
                return i;
            }
        }
        return 0;
    }
}
