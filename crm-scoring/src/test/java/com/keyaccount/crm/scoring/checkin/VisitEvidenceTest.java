package com.keyaccount.crm.scoring.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.VisitVerdict;
import com.keyaccount.crm.scoring.checkin.VisitEvidence.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisitEvidenceTest {

    private static final Instant VISIT = Instant.parse("2026-03-02T03:00:00Z");

    @Test
    void without_a_check_in_that_day_the_visit_is_unverified_for_that_reason() {
        Optional<Candidate> none = VisitEvidence.choose(List.of(), VISIT);
        assertThat(none).isEmpty();
        assertThat(VisitEvidence.verdict(none)).isEqualTo(VisitVerdict.NO_CHECK_IN);
    }

    @Test
    void a_verified_check_in_wins_over_a_nearer_unverified_one() {
        Candidate farButNear = new Candidate(1, VISIT.minusSeconds(60), CheckInVerdict.TOO_FAR);
        Candidate verifiedEarlier = new Candidate(2, VISIT.minusSeconds(3 * 3600), CheckInVerdict.VERIFIED);
        Optional<Candidate> chosen = VisitEvidence.choose(List.of(farButNear, verifiedEarlier), VISIT);
        assertThat(chosen).contains(verifiedEarlier);
        assertThat(VisitEvidence.verdict(chosen)).isEqualTo(VisitVerdict.VERIFIED);
    }

    @Test
    void among_verified_check_ins_the_one_nearest_the_visit_is_chosen_before_or_after_it() {
        Candidate morning = new Candidate(1, VISIT.minusSeconds(4 * 3600), CheckInVerdict.VERIFIED);
        Candidate justAfter = new Candidate(2, VISIT.plusSeconds(600), CheckInVerdict.VERIFIED);
        assertThat(VisitEvidence.choose(List.of(morning, justAfter), VISIT)).contains(justAfter);
    }

    @Test
    void an_unverified_check_in_gives_the_visit_its_reason() {
        Candidate imprecise = new Candidate(1, VISIT, CheckInVerdict.TOO_IMPRECISE);
        assertThat(VisitEvidence.verdict(VisitEvidence.choose(List.of(imprecise), VISIT)))
                .isEqualTo(VisitVerdict.TOO_IMPRECISE);
    }
}
