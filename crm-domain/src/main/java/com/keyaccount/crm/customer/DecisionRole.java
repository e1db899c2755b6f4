package com.keyaccount.crm.customer;

/** A contact's role in the buying decision: 拍板人 / 使用者 / 参谋者. */
public enum DecisionRole {
    DECISION_MAKER,
    USER,
    ADVISOR
}
