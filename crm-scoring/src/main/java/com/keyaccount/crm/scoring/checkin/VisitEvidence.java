package com.keyaccount.crm.scoring.checkin;

import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.VisitVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which check-in evidences a logged on-site visit, and the visit's verdict. The candidates are
 * the author's check-ins at the visit's customer on the visit's business day (the caller reads
 * them); a verified one wins over any other, and among equals the one checked in nearest the
 * visit's time (then the earliest).
 */
public final class VisitEvidence {

    private VisitEvidence() {
    }

    /** A check-in as the choice needs it. */
    public record Candidate(long id, Instant inAt, CheckInVerdict verdict) {
    }

    public static Optional<Candidate> choose(List<Candidate> sameDay, Instant visitAt) {
        return sameDay.stream().min(Comparator.comparing((Candidate c) -> !c.verdict().verified())
                .thenComparing(c -> Duration.between(c.inAt(), visitAt).abs())
                .thenComparing(Candidate::inAt).thenComparingLong(Candidate::id));
    }

    public static VisitVerdict verdict(Optional<Candidate> evidence) {
        return evidence.map(c -> VisitVerdict.of(c.verdict())).orElse(VisitVerdict.NO_CHECK_IN);
    }
}
