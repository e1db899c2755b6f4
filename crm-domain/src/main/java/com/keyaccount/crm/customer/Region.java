package com.keyaccount.crm.customer;

/** Sales regions (大区). */
public enum Region {
    NORTH,
    NORTHEAST,
    EAST,
    SOUTH,
    CENTRAL,
    SOUTHWEST,
    NORTHWEST
}
