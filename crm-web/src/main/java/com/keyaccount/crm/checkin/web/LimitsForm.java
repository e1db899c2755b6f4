package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.rules.CheckInLimits;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/** The admin's check-in limits as typed; their ranges are {@link CheckInLimits}'s own violations. */
@Getter
@Setter
public class LimitsForm {

    @NotNull
    private Integer maxDistanceMeters;

    @NotNull
    private Integer maxAccuracyMeters;

    static LimitsForm of(CheckInLimits limits) {
        LimitsForm form = new LimitsForm();
        form.maxDistanceMeters = limits.maxDistanceMeters();
        form.maxAccuracyMeters = limits.maxAccuracyMeters();
        return form;
    }

    /** The limits typed, a missing one taken from {@code otherwise} (its field has its own error then). */
    CheckInLimits toLimits(CheckInLimits otherwise) {
        return new CheckInLimits(maxDistanceMeters == null ? otherwise.maxDistanceMeters() : maxDistanceMeters,
                maxAccuracyMeters == null ? otherwise.maxAccuracyMeters() : maxAccuracyMeters);
    }
}
