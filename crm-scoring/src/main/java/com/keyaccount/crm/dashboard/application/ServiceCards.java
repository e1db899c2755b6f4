package com.keyaccount.crm.dashboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.complaint.application.ServicePanel;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.lost.application.Retention;
import com.keyaccount.crm.survey.application.SatisfactionFigures;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
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
 * <p>
 * Satisfaction and retention are kept as the overview is (for {@code crm.dashboard.cache-seconds}
 * under the {@link FigureVersion}): per book (the whole one, or a manager's own), year and day,
 * computed afresh after a survey answered, a loss recorded or caught up, a customer changed or a
 * tier recomputed, on any instance. Uncached they were two thirds of the dashboard's database
 * time on each visit (issue 20). Complaints are counted on each visit: they are one indexed read,
 * and a complaint handled should leave the card at once.
 */
@Service
public class ServiceCards {

    public static final String EXECUTOR = "serviceCardsExecutor";

    private final ComplaintQueries complaints;
    private final SatisfactionReport satisfaction;
    private final Retention retention;
    private final Executor cards;
    private final FigureVersion version;
    private final Clock clock;
    private final ZoneId zone;
    private final Cache<Versioned<Book>, SatisfactionFigures.Line> scores;
    private final Cache<Versioned<Book>, Retention.Report> kept;

    ServiceCards(ComplaintQueries complaints, SatisfactionReport satisfaction, Retention retention,
            @Qualifier(EXECUTOR) Executor cards, FigureVersion version, Clock clock, ZoneId businessZone) {
        this.complaints = complaints;
        this.satisfaction = satisfaction;
        this.retention = retention;
        this.cards = cards;
        this.version = version;
        this.clock = clock;
        this.zone = businessZone;
        this.scores = version.cache(1_000);
        this.kept = version.cache(1_000);
    }

    /**
     * The customers a card counts: the books the viewer sees (the whole book, as every director
     * sees it, one manager's or a supervisor's people's), in a year, on a day (the last twelve
     * months and the quarters begun move with it).
     */
    private record Book(Scope books, int year, LocalDate today) {
    }

    /** The three cards as the viewer may see them. */
    public record Cards(ServicePanel complaints, SatisfactionFigures.Line satisfaction, Retention.Report retention) {
    }

    /** Complaints received from {@code from} up to {@code to}; churn and retention in {@code year}. */
    public Cards of(Viewer viewer, Instant from, Instant to, int year) {
        Versioned<Book> book = version.of(new Book(viewer.scope(), year,
                LocalDate.now(clock.withZone(zone))));
        CompletableFuture<SatisfactionFigures.Line> score = card(scores, book, () -> satisfaction.panel(viewer));
        CompletableFuture<Retention.Report> rates = card(kept, book, () -> retention.of(viewer, year));
        ServicePanel open = complaints.panel(viewer, from, to);
        return new Cards(open, join(score), join(rates));
    }

    /** A card kept for this book at once, else read on the executor (and kept). */
    private <T> CompletableFuture<T> card(Cache<Versioned<Book>, T> cache, Versioned<Book> book, Supplier<T> read) {
        T card = cache.getIfPresent(book);
        return card != null ? CompletableFuture.completedFuture(card)
                : CompletableFuture.supplyAsync(() -> cache.get(book, b -> read.get()), cards);
    }

    private static <T> T join(CompletableFuture<T> card) {
        try {
            return card.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
