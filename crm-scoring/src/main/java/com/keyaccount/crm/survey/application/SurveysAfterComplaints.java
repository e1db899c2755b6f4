package com.keyaccount.crm.survey.application;

import com.keyaccount.crm.complaint.ComplaintConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Seed 000/004: a customer whose complaint was confirmed resolved is asked how satisfied it is. */
@Component
class SurveysAfterComplaints {

    private final SurveyRequests requests;

    SurveysAfterComplaints(SurveyRequests requests) {
        this.requests = requests;
    }

    @EventListener
    void on(ComplaintConfirmed confirmed) {
        requests.afterComplaintResolved(confirmed.customerId(), confirmed.confirmedBy());
    }
}
