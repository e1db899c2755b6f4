package com.keyaccount.crm.scoring.churn;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A churn signal that fired, with the numbers that made it fire. */
public sealed interface ChurnSignal {

    /** The signal's name, for pages that word each kind differently. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /**
     * Net revenue down {@code percent}% (at most 100: a net gone below zero has lost all of it)
     * from {@code before} to {@code now}, which holds {@code creditNotes} (zero or negative) of
     * credit notes and returns: a wave of returns shows here.
     */
    record RevenueDrop(BigDecimal before, BigDecimal now, int percent, BigDecimal creditNotes) implements ChurnSignal {

        public boolean withCreditNotes() {
            return creditNotes.signum() != 0;
        }
    }

    /** Average days to pay up from {@code before} to {@code now}. */
    record SlowerPayment(long before, long now) implements ChurnSignal {
    }

    /** No contact for {@code days} days, more than {@code factor} × the tier's {@code interval}. */
    record Silence(long days, int interval, int factor) implements ChurnSignal {
    }

    /** Downgraded from one tier to another on a day within the window. */
    record Downgrade(LocalDate on, Tier from, Tier to)
            implements ChurnSignal {
    }

    /**
     * {@code complaints} open complaints past a deadline they have not met; the earliest was
     * missed on {@code missedOn}, {@code daysPast} days ago (issue 18).
     */
    record ComplaintOverdue(int complaints, LocalDate missedOn, long daysPast) implements ChurnSignal {
    }

    /**
     * The latest satisfaction survey ({@code on}) scored {@code points} points below the one
     * before: {@code before} → {@code latest}, on the 0–100 score.
     */
    record SatisfactionDrop(BigDecimal before, BigDecimal latest, BigDecimal points, LocalDate on)
            implements ChurnSignal {
    }
}
