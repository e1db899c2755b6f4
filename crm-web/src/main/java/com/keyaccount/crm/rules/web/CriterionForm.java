package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/** One scorecard criterion as edited: a blank name means the row is unused. */
@Getter
@Setter
public class CriterionForm {

    static final int BANDS = 5;

    @Size(max = 40)
    @PlainText
    private String name;

    private Metric metric;

    private Boolean higherIsBetter;

    @Valid
    private List<BandForm> bands = new ArrayList<>();

    private Integer otherwisePoints;

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

    /** The form rows of the bands in use, in order: the criterion's bands by index. */
    List<Integer> usedBandRows() {
        return IntStream.range(0, bands.size()).filter(j -> !bands.get(j).isBlank()).boxed().toList();
    }

    /**
     * A row is either unused (no name, no bands) or complete: rows are a form's way of offering
     * room, so a half-filled one is the form's business, not the rules'.
     */
    void checkRow(Errors errors, String path) {
        if (!inUse()) {
            if (!usedBandRows().isEmpty()) {
                errors.rejectValue(path + "name", "rules.criterion.unnamed");
            }
            return;
        }
        requireValue(errors, path + "metric", metric);
        requireValue(errors, path + "higherIsBetter", higherIsBetter);
        requireValue(errors, path + "otherwisePoints", otherwisePoints);
        requireValue(errors, path + "pointsWithoutData", pointsWithoutData);
        for (int j : usedBandRows()) {
            requireValue(errors, path + "bands[" + j + "].threshold", bands.get(j).getThreshold());
            requireValue(errors, path + "bands[" + j + "].points", bands.get(j).getPoints());
        }
    }

    boolean isComplete() {
        return metric != null && higherIsBetter != null && otherwisePoints != null && pointsWithoutData != null
                && usedBandRows().stream().map(bands::get).allMatch(b -> b.getThreshold() != null && b.getPoints() != null);
    }

    Criterion toCriterion(UnaryOperator<String> storedName) {
        return new Criterion(storedName.apply(name.strip()), metric, higherIsBetter, usedBandRows().stream().map(bands::get)
                .map(b -> new PointBand(b.getThreshold(), b.getPoints())).toList(), otherwisePoints, pointsWithoutData);
    }

    private static void requireValue(Errors errors, String field, Object value) {
        if (value == null && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "rules.required");
        }
    }
}
