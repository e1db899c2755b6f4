package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.PotentialAssessment;
import com.keyaccount.crm.customer.PotentialFactors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.Getter;
import lombok.Setter;

/**
 * The potential (1–9, empty: not known), or where the admin has it picked by two factors their
 * levels (both, or neither), and the adoption (empty: not known) as typed.
 */
@Getter
@Setter
public class PotentialForm {

    @Min(1)
    @Max(9)
    private Integer potential;

    /** Where the admin has potentials picked by two factors: the level of each (0 top, 2 bottom). */
    @Min(0)
    @Max(PotentialFactors.LEVELS - 1)
    private Integer potentialRow;

    @Min(0)
    @Max(PotentialFactors.LEVELS - 1)
    private Integer potentialColumn;

    private Adoption adoption;

    /**
     * Whether the page asked for the two levels (else for a score): the admin may switch while
     * the form is open, and a score sent to the levels' side would otherwise be lost.
     */
    private Boolean byFactors;

    static PotentialForm of(PotentialAssessment assessment) {
        PotentialForm form = new PotentialForm();
        form.potential = assessment.getPotential();
        form.potentialRow = assessment.getPotentialRow();
        form.potentialColumn = assessment.getPotentialColumn();
        form.adoption = assessment.getAdoption();
        return form;
    }
}
