package com.keyaccount.crm.survey;

/** How the answers came in: told to the account manager on a call or a visit, or typed by the customer on a personal link. */
public enum SurveyChannel {
    PHONE,
    VISIT,
    LINK
}
