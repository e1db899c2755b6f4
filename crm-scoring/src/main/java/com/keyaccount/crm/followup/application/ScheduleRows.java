package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.NineGridZone;
import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.CityOfAddress;
import com.keyaccount.crm.customer.Division;
import com.keyaccount.crm.followup.application.ScheduleInputs.ClassCadences;
import com.keyaccount.crm.followup.application.ScheduleInputs.CustomerSchedule;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.scoring.schedule.ScheduleInput;
import com.keyaccount.crm.scoring.schedule.ScheduleInput.ProspectCadence;
import com.keyaccount.crm.scoring.schedule.TierMove;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A row of {@link ScheduleInputs}' reads as the inputs of one customer's schedule: the tier in
 * force (C while unclassified), the business dates of its contacts and moves, a prospect's cadence
 * and priority class, the city of its address.
 */
final class ScheduleRows {

    private final ClassCadences classCadences;
    private final ZoneId zone;

    ScheduleRows(ClassCadences classCadences, ZoneId zone) {
        this.classCadences = classCadences;
        this.zone = zone;
    }

    /** For one read of many rows. */
    Batch batch() {
        return new Batch();
    }

    /**
     * One read's rows: the ladder's cadences are read once per batch and only when a graded
     * prospect is in it, so logging a contact with a customer costs no extra query.
     */
    final class Batch {

        private Map<CloseClass, Integer> days;

        CustomerSchedule customer(ResultSet rs, long id) throws SQLException {
            Tier tier = tierOrC(rs.getString("effective_tier"));
            boolean prospect = "PROSPECT".equals(rs.getString("status"));
            CloseClass closeClass = prospect && rs.getString("close_class") != null
                    ? CloseClass.valueOf(rs.getString("close_class")) : null;
            PriorityClass priority = prospect ? PriorityClass.of(closeClass, rs.getBigDecimal("expected_value")) : null;
            Date agreed = rs.getDate("agreed");
            Date rescheduledTo = rs.getDate("rescheduled_to");
            LocalDate movedOn = businessDate(rs, "moved_at");
            TierMove move = movedOn == null ? null
                    : new TierMove(movedOn, tier(rs.getString("moved_from")), Tier.valueOf(rs.getString("moved_to")));
            return new CustomerSchedule(id, rs.getLong("owner_id"), "LOST".equals(rs.getString("status")),
                    new ScheduleInput(id, tier, businessDate(rs, "created_at"), businessDate(rs, "last_any"),
                            businessDate(rs, "last_visit"), agreed == null ? null : agreed.toLocalDate(), move,
                            rescheduledTo == null ? null : rescheduledTo.toLocalDate(),
                            closeClass == null ? null : of(closeClass), zone(rs)),
                    city(rs.getString("city_code"), rs.getString("address")), priority);
        }

        /** The customer's city as people write it (南京), else the one its address names, if any. */
        private static String city(String cityCode, String address) {
            return ChinaDivisions.get().find(cityCode).map(Division::shortName).orElseGet(() -> CityOfAddress.of(address));
        }

        private ProspectCadence of(CloseClass closeClass) {
            if (days == null) {
                days = classCadences.days();
            }
            return new ProspectCadence(closeClass, days.get(closeClass));
        }
    }

    private static NineGridZone zone(ResultSet rs) throws SQLException {
        int potential = rs.getInt("potential");
        Integer known = rs.wasNull() ? null : potential;
        String adoption = rs.getString("adoption");
        return NineGridZone.of(known, adoption == null ? null : Adoption.valueOf(adoption));
    }

    private LocalDate businessDate(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
    }

    private static Tier tierOrC(String value) {
        return value == null ? Tier.C : Tier.valueOf(value);
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}
