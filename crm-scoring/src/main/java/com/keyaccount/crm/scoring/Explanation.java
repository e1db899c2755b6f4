package com.keyaccount.crm.scoring;

/** The figures that decided a tier, per method, for showing to a sales director. */
public interface Explanation {
}
