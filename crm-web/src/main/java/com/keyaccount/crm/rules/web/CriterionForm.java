package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.PointBand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** One scorecard criterion as edited: a blank name means the row is unused. */
@Getter
@Setter
public class CriterionForm {

    static final int BANDS = 5;

    @Size(max = 40)
    private String name;

    private Metric metric;

    private Boolean higherIsBetter;

    @Valid
    private List<BandForm> bands = new ArrayList<>();

    @Min(0)
    @Max(1000)
    private Integer otherwisePoints;

    @Min(0)
    @Max(1000)
    private Integer pointsWithoutData;

    boolean inUse() {
        return name != null && !name.isBlank();
    }

    static CriterionForm of(Criterion criterion) {
        CriterionForm form = new CriterionForm();
        form.name = criterion.name();
        form.metric = criterion.metric();
        form.higherIsBetter = criterion.higherIsBetter();
        criterion.bands().forEach(b -> form.bands.add(BandForm.of(b.threshold(), b.points())));
        form.otherwisePoints = criterion.otherwisePoints();
        form.pointsWithoutData = criterion.pointsWithoutData();
        return form.padded();
    }

    /** Room for more bands than are set, so an admin can add one without scripts. */
    CriterionForm padded() {
        while (bands.size() < BANDS) {
            bands.add(new BandForm());
        }
        return this;
    }

    List<BandForm> usedBands() {
        return bands.stream().filter(b -> !b.isBlank()).toList();
    }

    Criterion toCriterion() {
        return new Criterion(name.strip(), metric, higherIsBetter, usedBands().stream()
                .map(b -> new PointBand(b.getThreshold(), b.getPoints())).toList(), otherwisePoints, pointsWithoutData);
    }
}
