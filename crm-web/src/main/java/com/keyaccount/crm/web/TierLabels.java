package com.keyaccount.crm.web;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A tier as the settings kept for three tiers name it ({@code ${@tierLabels.setting(t)}}):
 * complaint deadlines, care budgets and survey intervals are set for A, B and C, so with a ladder
 * of four or five tiers the third's row serves the tiers beneath it too ("普通客户及以下").
 */
@Component("tierLabels")
public class TierLabels {

    private final TierNames tierNames;
    private final MessageSource messages;

    public TierLabels(TierNames tierNames, MessageSource messages) {
        this.tierNames = tierNames;
        this.messages = messages;
    }

    /** As {@link #setting(Tier)}, by code: fragment arguments may not name a class. */
    public String setting(String code) {
        return setting(Tier.valueOf(code));
    }

    public String setting(Tier tier) {
        String name = messages.getMessage("tier." + tier, null, LocaleContextHolder.getLocale());
        return tier == Tier.C && tierNames.ladder().size() > Tier.C.ordinal() + 1
                ? messages.getMessage("tier.andBelow", new Object[] {name}, LocaleContextHolder.getLocale())
                : name;
    }
}
