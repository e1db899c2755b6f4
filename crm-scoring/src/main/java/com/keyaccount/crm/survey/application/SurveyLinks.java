package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.scoring.satisfaction.SatisfactionScores;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.survey.SurveyChannel;
import com.keyaccount.crm.user.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal survey links: the account manager creates one for a customer and sends it; the
 * customer answers on a public page without signing in. The token is 32 random bytes (shown
 * once, never stored); the database keeps its SHA-256, so a leaked table opens no survey. A link
 * takes one answer and expires after the plan's days.
 */
@Service
@Transactional(readOnly = true)
public class SurveyLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes in URL-safe Base64 without padding: exactly 43 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CustomerService customers;
    private final Questionnaires questionnaires;
    private final SurveyPlans plans;
    private final SurveyLinkStore links;
    private final SatisfactionStore responses;
    private final AuditTrail audit;
    private final Clock clock;
    /** A new answer moves the dashboard's satisfaction card. */
    private final ApplicationEventPublisher events;

    SurveyLinks(CustomerService customers, Questionnaires questionnaires, SurveyPlans plans, SurveyLinkStore links,
            SatisfactionStore responses, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.questionnaires = questionnaires;
        this.plans = plans;
        this.links = links;
        this.responses = responses;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new link's token (to put in the URL, shown once) and when it expires. */
    public record NewLink(String token, Instant expiresAt) {
    }

    /** What a link's page can show. */
    public enum Status { OPEN, SUBMITTED, INVALID, ANSWERED, EXPIRED, UNKNOWN }

    /**
     * A link as its page sees it: only the customer's name and the questionnaire (when it can be
     * answered), the violations of a rejected answer.
     */
    public record LinkState(Status status, String customerName, Questionnaire questionnaire,
            List<Violation> violations) {

        static LinkState of(Status status) {
            return new LinkState(status, null, null, List.of());
        }
    }

    @Transactional
    public NewLink create(Viewer viewer, long customerId) {
        Customer customer = customers.get(viewer, customerId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(plans.current().linkDays()));
        long id = links.add(customer.getId(), hash(token), questionnaires.current().version(), viewer.userId(), now,
                expires);
        audit.created(viewer.username(), "SurveyLink", id, customerId, "expiresAt", expires);
        return new NewLink(token, expires);
    }

    /** When the customer's latest unanswered link expires, if one is waiting. */
    public Optional<Instant> waitingUntil(Customer visible) {
        return links.waitingUntil(visible.getId(), clock.instant());
    }

    public LinkState open(String token) {
        return state(token, false).map(link -> new LinkState(Status.OPEN, link.customerName(),
                questionnaires.version(link.version()), List.of())).orElseGet(() -> closed(token));
    }

    /** Records the customer's answers, once; a rejected answer comes back with its violations. */
    @Transactional
    public LinkState submit(String token, List<Answer> answers) {
        Optional<SurveyLinkStore.Link> found = state(token, true);
        if (found.isEmpty()) {
            return closed(token);
        }
        SurveyLinkStore.Link link = found.get();
        Questionnaire q = questionnaires.version(link.version());
        List<Violation> violations = SatisfactionScores.violations(q, answers);
        if (!violations.isEmpty()) {
            return new LinkState(Status.INVALID, link.customerName(), q, violations);
        }
        Instant now = clock.instant();
        long id = responses.add(new SatisfactionStore.NewResponse(link.customerId(), link.ownerId(), q.version(),
                SurveyChannel.LINK, now, null, null, SatisfactionScores.score(q, answers).orElse(null),
                SatisfactionScores.recommend(q, answers).orElse(null), null, answers), now);
        if (!links.answered(link.id(), id)) {
            throw new IllegalStateException("survey link " + link.id() + " answered twice despite its lock");
        }
        // the link was the account manager's doing; the channel says the customer typed the answers
        audit.created(link.createdBy(), "SurveyResponse", id, link.customerId(), "surveyChannel", SurveyChannel.LINK);
        events.publishEvent(new FiguresChanged("survey " + id));
        return new LinkState(Status.SUBMITTED, link.customerName(), null, List.of());
    }

    /** The link, when it can still be answered. */
    private Optional<SurveyLinkStore.Link> state(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return links.find(hash(token), lock)
                .filter(l -> l.responseId() == null && !l.customerGone() && clock.instant().isBefore(l.expiresAt()));
    }

    /** Why a link cannot be answered: answered already, expired, or not a link at all. */
    private LinkState closed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return LinkState.of(Status.UNKNOWN);
        }
        return links.find(hash(token), false)
                .map(l -> l.responseId() != null ? LinkState.of(Status.ANSWERED)
                        : l.customerGone() ? LinkState.of(Status.UNKNOWN) : LinkState.of(Status.EXPIRED))
                .orElseGet(() -> LinkState.of(Status.UNKNOWN));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
