package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.survey.Questionnaire;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction questionnaire (满意度调查问卷): the version in force is the one asked; an
 * admin's edit publishes a new version, so answers already given keep pointing to theirs.
 */
@Service
@Transactional(readOnly = true)
public class Questionnaires {

    private final QuestionnaireStore store;
    private final AuditTrail audit;
    private final Clock clock;

    Questionnaires(QuestionnaireStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published version, as the history lists it. */
    public record Published(int version, String titleZh, String titleEn, Instant createdAt, String createdBy,
            long answered) {

        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
        }
    }

    public Questionnaire current() {
        return version(store.latestVersion());
    }

    public Questionnaire version(int version) {
        return store.find(version).orElseThrow(() -> new RecordNotFoundException("questionnaire " + version));
    }

    public List<Published> history() {
        return store.history();
    }

    /**
     * Publishes the edited questionnaire as a new version unless it has violations, which are
     * returned (nothing written); an unchanged questionnaire publishes nothing.
     */
    @Transactional
    public List<Violation> publish(Viewer admin, Questionnaire edited) {
        List<Violation> violations = edited.violations();
        if (!violations.isEmpty()) {
            return violations;
        }
        Questionnaire now = current();
        if (sameAs(now, edited)) {
            return List.of();
        }
        int version = store.add(edited, admin.username(), clock.instant());
        audit.created(admin.username(), "SurveyQuestionnaire", version, null, "title", edited.titleZh().strip());
        return List.of();
    }

    private static boolean sameAs(Questionnaire a, Questionnaire b) {
        return new Questionnaire(0, a.titleZh(), a.titleEn(), a.questions())
                .equals(new Questionnaire(0, b.titleZh().strip(), b.titleEn().strip(), b.questions().stream()
                        .map(q -> new com.keyaccount.crm.survey.Question(q.kind(), q.textZh().strip(),
                                q.textEn().strip(), q.recommend()))
                        .toList()));
    }
}
