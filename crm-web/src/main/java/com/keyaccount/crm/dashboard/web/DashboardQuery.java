package com.keyaccount.crm.dashboard.web;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import lombok.Getter;
import lombok.Setter;

/**
 * The dashboard's filters as the form sends them; a value that does not bind is dropped and said
 * so. The product line is the overview's only.
 */
@Getter
@Setter
public class DashboardQuery {

    private Region region;
    private Industry industry;
    private Long owner;
    private Long productLine;
}
