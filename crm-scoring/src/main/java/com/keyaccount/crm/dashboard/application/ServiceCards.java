package com.keyaccount.crm.dashboard.application;

import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.complaint.application.ServicePanel;
import com.keyaccount.crm.lost.application.Retention;
import com.keyaccount.crm.survey.application.SatisfactionFigures;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.user.Viewer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The dashboard's service panel: complaints of the period, satisfaction over the last twelve
 * months and churn and retention in the period's year. The three read different tables and none
 * waits for another, so satisfaction and retention (each a pass over a large table: a year of
 * survey answers, the book at each quarter's start) run on the {@value #EXECUTOR} while the
 * request's own thread counts the complaints: the panel costs its slowest card, not their sum.
 * When the executor is busy the request's thread reads the card itself, so a burst of dashboards
 * never waits in a queue.
 */
@Service
public class ServiceCards {

    public static final String EXECUTOR = "serviceCardsExecutor";

    private final ComplaintQueries complaints;
    private final SatisfactionReport satisfaction;
    private final Retention retention;
    private final Executor cards;

    ServiceCards(ComplaintQueries complaints, SatisfactionReport satisfaction, Retention retention,
            @Qualifier(EXECUTOR) Executor cards) {
        this.complaints = complaints;
        this.satisfaction = satisfaction;
        this.retention = retention;
        this.cards = cards;
    }

    /** The three cards as the viewer may see them. */
    public record Cards(ServicePanel complaints, SatisfactionFigures.Line satisfaction, Retention.Report retention) {
    }

    /** Complaints received from {@code from} up to {@code to}; churn and retention in {@code year}. */
    public Cards of(Viewer viewer, Instant from, Instant to, int year) {
        CompletableFuture<SatisfactionFigures.Line> score = CompletableFuture.supplyAsync(
                () -> satisfaction.panel(viewer), cards);
        CompletableFuture<Retention.Report> kept = CompletableFuture.supplyAsync(() -> retention.of(viewer, year), cards);
        ServicePanel open = complaints.panel(viewer, from, to);
        return new Cards(open, join(score), join(kept));
    }

    private static <T> T join(CompletableFuture<T> card) {
        try {
            return card.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
