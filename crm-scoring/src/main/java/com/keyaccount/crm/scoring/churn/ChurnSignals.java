package com.keyaccount.crm.scoring.churn;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.scoring.churn.ChurnSignal.ComplaintOverdue;
import com.keyaccount.crm.scoring.churn.ChurnSignal.Downgrade;
import com.keyaccount.crm.scoring.churn.ChurnSignal.RevenueDrop;
import com.keyaccount.crm.scoring.churn.ChurnSignal.SatisfactionDrop;
import com.keyaccount.crm.scoring.churn.ChurnSignal.Silence;
import com.keyaccount.crm.scoring.churn.ChurnSignal.SlowerPayment;
import com.keyaccount.crm.scoring.satisfaction.SatisfactionScores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SPEC 流失预警: the signals that fire for one customer. Each compares with a strict "more
 * than": a drop of exactly the threshold does not fire. Revenue is net of credit notes and
 * returns, so returns in the recent period count as a drop. A customer without positive net
 * revenue in the previous 90 days cannot show a drop (there is nothing to fall from); a recent
 * net below zero is a drop of 100%. One without paid orders in either period, no payment signal.
 */
public final class ChurnSignals {

    private ChurnSignals() {
    }

    public static List<ChurnSignal> of(ChurnFigures f, ChurnThresholds t) {
        List<ChurnSignal> signals = new ArrayList<>();
        revenueDrop(f, t).ifPresent(signals::add);
        slowerPayment(f, t).ifPresent(signals::add);
        silence(f, t).ifPresent(signals::add);
        if (f.downgradedOn() != null
                && ChronoUnit.DAYS.between(f.downgradedOn(), f.today()) <= t.downgradeWithinDays()) {
            signals.add(new Downgrade(f.downgradedOn(), f.downgradedFrom(), f.downgradedTo()));
        }
        complaintOverdue(f, t).ifPresent(signals::add);
        satisfactionDrop(f, t).ifPresent(signals::add);
        return signals;
    }

    private static Optional<ChurnSignal> complaintOverdue(ChurnFigures f, ChurnThresholds t) {
        ServiceFigures s = f.service();
        if (s.overdueComplaints() <= 0 || s.oldestMissedOn() == null) {
            return Optional.empty();
        }
        long daysPast = Math.max(0, ChronoUnit.DAYS.between(s.oldestMissedOn(), f.today()));
        if (daysPast < t.complaintOverdueDays()) {
            return Optional.empty();
        }
        return Optional.of(new ComplaintOverdue(s.overdueComplaints(), s.oldestMissedOn(), daysPast));
    }

    private static Optional<ChurnSignal> satisfactionDrop(ChurnFigures f, ChurnThresholds t) {
        ServiceFigures s = f.service();
        return SatisfactionScores.dropBeyond(s.satisfactionBefore(), s.satisfactionLatest(), t.satisfactionDropPoints())
                .map(points -> new SatisfactionDrop(s.satisfactionBefore(), s.satisfactionLatest(), points,
                        s.latestSurveyOn()));
    }

    private static Optional<ChurnSignal> revenueDrop(ChurnFigures f, ChurnThresholds t) {
        BigDecimal before = f.revenuePrevious() == null ? BigDecimal.ZERO : f.revenuePrevious();
        BigDecimal now = f.revenueRecent() == null ? BigDecimal.ZERO : f.revenueRecent();
        if (before.signum() <= 0 || now.compareTo(before) >= 0) {
            return Optional.empty();
        }
        // drop / before > threshold, compared exactly: drop * 100 > threshold * before
        BigDecimal drop = before.subtract(now);
        if (drop.multiply(BigDecimal.valueOf(100)).compareTo(before.multiply(BigDecimal.valueOf(t.revenueDropPercent())))
                <= 0) {
            return Optional.empty();
        }
        int percent = Math.min(100,
                drop.multiply(BigDecimal.valueOf(100)).divide(before, 0, RoundingMode.HALF_UP).intValue());
        return Optional.of(new RevenueDrop(before, now, percent,
                f.creditNotesRecent() == null ? BigDecimal.ZERO : f.creditNotesRecent()));
    }

    private static Optional<ChurnSignal> slowerPayment(ChurnFigures f, ChurnThresholds t) {
        if (f.daysToPayRecent() == null || f.daysToPayPrevious() == null
                || f.daysToPayRecent() - f.daysToPayPrevious() <= t.daysToPayIncrease()) {
            return Optional.empty();
        }
        return Optional.of(new SlowerPayment(Math.round(f.daysToPayPrevious()),
                Math.round(f.daysToPayRecent())));
    }

    private static Optional<ChurnSignal> silence(ChurnFigures f, ChurnThresholds t) {
        if (f.contactIntervalDays() == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(f.lastContactOn() != null ? f.lastContactOn() : f.knownSince(), f.today());
        if (days <= (long) t.silenceFactor() * f.contactIntervalDays()) {
            return Optional.empty();
        }
        return Optional.of(new Silence(days, f.contactIntervalDays(), t.silenceFactor()));
    }
}
