package com.keyaccount.crm.productline;

/** Another product line already has this name: two lines of one name could not be told apart. */
public class ProductLineNameTakenException extends RuntimeException {

    public ProductLineNameTakenException(String name) {
        super("product line name taken: " + name);
    }
}
