package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.PotentialAssessment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.Getter;
import lombok.Setter;

/** The potential (1–9, empty: not known) and adoption (empty: not known) as typed. */
@Getter
@Setter
public class PotentialForm {

    @Min(1)
    @Max(9)
    private Integer potential;

    private Adoption adoption;

    static PotentialForm of(PotentialAssessment assessment) {
        PotentialForm form = new PotentialForm();
        form.potential = assessment.getPotential();
        form.adoption = assessment.getAdoption();
        return form;
    }
}
