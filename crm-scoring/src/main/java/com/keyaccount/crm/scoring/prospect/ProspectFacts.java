package com.keyaccount.crm.scoring.prospect;

import com.keyaccount.crm.customer.Industry;
import java.math.BigDecimal;

/**
 * What the customer's record says for itself, behind the ladder's automatic conditions.
 *
 * @param fiveFactsKnown name, industry, size (annual sales or staff), phone and fax are all filled in
 * @param hasOrder       at least one order or payment came in from the ERP or an import
 */
public record ProspectFacts(boolean fiveFactsKnown, Industry industry, BigDecimal annualSales, boolean hasOrder) {
}
