package com.keyaccount.crm.followup.application;

import java.time.Instant;

/** A customer whose profile has not been verified for 90 days (每季度核实); {@code verifiedAt} null = never. */
public record ProfileToVerify(long customerId, String code, String name, Instant verifiedAt) {
}
