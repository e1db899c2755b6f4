package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.TierLadder;
import java.util.Arrays;
import java.util.List;

/**
 * A tier's code, top first. A company's ladder ({@link TierLadder}) uses the first three to five
 * and names them (seed 002: 重要客户, 主要客户, 普通客户, 小客户); the default ladder is A, B and C.
 * Tier rows and their history store the code.
 */
public enum Tier {
    A,
    B,
    C,
    D,
    E;

    /** The tier {@code index} steps below the top (0 is A). */
    public static Tier at(int index) {
        return values()[index];
    }

    /** {@code ladder}'s tiers, top first. */
    public static List<Tier> of(TierLadder ladder) {
        return Arrays.asList(values()).subList(0, ladder.size());
    }

    /** {@code ladder}'s bottom tier: where a customer nothing has lifted stays. */
    public static Tier lowestOf(TierLadder ladder) {
        return at(ladder.size() - 1);
    }

    /** Whether this tier is one of {@code ladder}'s. */
    public boolean in(TierLadder ladder) {
        return ordinal() < ladder.size();
    }
}
