package com.keyaccount.crm.customer;

import java.util.Arrays;
import java.util.List;

/** A column of the nine-grid (九宫格): the adoptions it holds. */
public enum GridColumn {
    PREFERRED,
    SECONDARY,
    NOT_YET;

    public List<Adoption> adoptions() {
        return Arrays.stream(Adoption.values()).filter(a -> a.column() == this).toList();
    }
}
