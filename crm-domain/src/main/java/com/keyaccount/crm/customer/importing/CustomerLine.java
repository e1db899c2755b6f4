package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.customer.Region;
import java.math.BigDecimal;

/**
 * One valid line of a customer file; a null optional value with its column present clears the field.
 * {@code prospect} holds its prospect cells ({@link ProspectCells.Prospect#NONE} without any), {@code location}
 * its latitude and longitude ({@link LocationCells.Location#NONE} without), {@code assessment} its potential and
 * adoption, where null keeps the stored value ({@link AssessmentCells.Assessment#NONE} without); {@code place} the
 * province and city its cells name, else its address ({@link Place#NONE} for neither).
 */
record CustomerLine(long lineNo, String code, String name, Industry industry, Region region, long ownerId,
        String phone, String address, CustomerStatus status, String lostReason, BigDecimal annualSales,
        Integer employeeCount, ProspectCells.Prospect prospect, LocationCells.Location location,
        AssessmentCells.Assessment assessment, Place place) {
}
