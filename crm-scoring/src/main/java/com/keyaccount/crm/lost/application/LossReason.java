package com.keyaccount.crm.lost.application;

/** Why a customer was lost; a competitor names which one, "other" says what in a note. */
public enum LossReason {
    PRICE("价格"),
    QUALITY("质量"),
    SERVICE("服务"),
    COMPETITOR("竞争对手"),
    RELOCATION("搬迁"),
    OTHER("其他");

    private final String chinese;

    LossReason(String chinese) {
        this.chinese = chinese;
    }

    /** The reason as the customer record keeps it in words (the business writes Chinese). */
    public String chinese() {
        return chinese;
    }
}
