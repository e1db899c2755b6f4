package com.keyaccount.crm.prospect.rules;

/**
 * How soon a prospect is expected to buy (seed 003, 五个等级): A within a month, B within three,
 * C within six, D later than that, E no chance (死亡客户). Each has a tracking rhythm
 * (追踪日志 / 周志 / 半月志 / 月志 / 年志), the default cadence of its follow-ups.
 */
public enum CloseClass {
    A(1),
    B(7),
    C(15),
    D(30),
    E(365);

    private final int defaultCadenceDays;

    CloseClass(int defaultCadenceDays) {
        this.defaultCadenceDays = defaultCadenceDays;
    }

    public int defaultCadenceDays() {
        return defaultCadenceDays;
    }
}
