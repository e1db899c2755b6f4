package com.keyaccount.crm.prospect;

/**
 * A prospect's close-time class or expected monthly value was saved. Published inside the
 * transaction, after the row is flushed, so listeners that keep derived data (the follow-up
 * schedule, whose cadence the class sets) read the new grade and commit or roll back with it.
 */
public record ProspectGraded(long customerId) {
}
