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
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 记录满意度: the answers an account manager records from a call or a visit. */
@Service
@Transactional(readOnly = true)
public class SurveyResponses {

    private final CustomerService customers;
    private final Questionnaires questionnaires;
    private final SatisfactionStore store;
    private final AuditTrail audit;
    private final Clock clock;
    /** A new answer moves the dashboard's satisfaction card. */
    private final ApplicationEventPublisher events;

    SurveyResponses(CustomerService customers, Questionnaires questionnaires, SatisfactionStore store,
            AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.questionnaires = questionnaires;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The response written, or the one an earlier submission of the same form wrote. */
    public record Recorded(long responseId, long customerId, boolean duplicate) {
    }

    /** What is wrong with the answers to a questionnaire version (paths {@code answers[i]}). */
    public List<Violation> check(int version, List<Answer> answers) {
        return SatisfactionScores.violations(questionnaires.version(version), answers);
    }

    @Transactional
    public Recorded record(Viewer viewer, long customerId, RecordSurveyCommand cmd) {
        Customer customer = customers.get(viewer, customerId);
        var earlier = store.findSubmission(cmd.submissionToken());
        if (earlier.isPresent()) {
            return new Recorded(earlier.get()[0], earlier.get()[1], true);
        }
        if (cmd.channel() == SurveyChannel.LINK) {
            throw new IllegalArgumentException("a link's answers come through the link");
        }
        Questionnaire q = questionnaires.version(cmd.version());
        Violation.requireNone(SatisfactionScores.violations(q, cmd.answers()));
        long id = store.add(new SatisfactionStore.NewResponse(customerId, customer.getOwner().getId(), q.version(),
                cmd.channel(), cmd.answeredAt(), viewer.userId(), cmd.respondent(),
                SatisfactionScores.score(q, cmd.answers()).orElse(null),
                SatisfactionScores.recommend(q, cmd.answers()).orElse(null), cmd.submissionToken(), cmd.answers()),
                clock.instant());
        audit.created(viewer.username(), "SurveyResponse", id, customerId, "surveyChannel", cmd.channel());
        events.publishEvent(new FiguresChanged("survey " + id));
        return new Recorded(id, customerId, false);
    }

    /** After a unique-token race: the response the other submission wrote. */
    public java.util.Optional<Recorded> findSubmission(String token) {
        return store.findSubmission(token).map(ids -> new Recorded(ids[0], ids[1], true));
    }
}
