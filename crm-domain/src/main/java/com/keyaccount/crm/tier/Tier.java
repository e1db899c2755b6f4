package com.keyaccount.crm.tier;

/** Customer class: A core (核心), B key (重点), C ordinary (普通). */
public enum Tier {
    A,
    B,
    C
}
