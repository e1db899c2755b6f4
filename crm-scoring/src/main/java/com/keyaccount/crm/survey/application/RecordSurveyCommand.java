package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.survey.Answer;
import com.keyaccount.crm.survey.SurveyChannel;
import java.time.Instant;
import java.util.List;

/**
 * Answers the account manager took down on a call or a visit. {@code version} is the
 * questionnaire the form showed; {@code submissionToken} identifies the form, so a resubmit
 * records once.
 */
public record RecordSurveyCommand(SurveyChannel channel, Instant answeredAt, String respondent, int version,
        List<Answer> answers, String submissionToken) {

    public RecordSurveyCommand {
        answers = List.copyOf(answers);
    }
}
