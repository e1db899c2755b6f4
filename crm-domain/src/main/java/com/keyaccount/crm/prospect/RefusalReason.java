package com.keyaccount.crm.prospect;

/** Why a decision maker said no (A31: 最好得到1个以上对方明确拒绝的真实原因), ranked on the funnel. */
public enum RefusalReason {
    NO_NEED,
    PRICE,
    HAS_SUPPLIER,
    QUALITY,
    NO_BUDGET,
    TIMING,
    RELATIONSHIP,
    OTHER
}
