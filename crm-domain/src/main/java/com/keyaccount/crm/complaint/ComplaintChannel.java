package com.keyaccount.crm.complaint;

/** How the complaint reached us; SERVICE_DESK is what the ERP / service-desk integration records. */
public enum ComplaintChannel {
    PHONE,
    EMAIL,
    VISIT,
    WECHAT,
    LETTER,
    SERVICE_DESK,
    OTHER
}
