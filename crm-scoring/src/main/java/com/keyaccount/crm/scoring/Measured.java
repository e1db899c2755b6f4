package com.keyaccount.crm.scoring;

import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;

/**
 * The figure a tier was decided on, for the explanation: "净销售额 ¥56,000", or, when it ranked
 * as zero, "净销售额 −¥1,200，按零计".
 *
 * @param actual        the figure as it is
 * @param countedAsZero whether it ranked as zero although it was not a plain zero of a customer
 *                      without trade (see {@link CustomerFigures#countedAsZero})
 */
public record Measured(Measure measure, BigDecimal actual, boolean countedAsZero) {

    public static Measured of(CustomerFigures figures, Measure measure) {
        return new Measured(measure, figures.actual(measure), figures.countedAsZero(measure));
    }
}
