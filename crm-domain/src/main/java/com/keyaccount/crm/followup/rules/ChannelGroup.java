package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.contactlog.Channel;

/** What a quota counts: any contact at all, or only on-site visits (上门拜访). */
public enum ChannelGroup {
    ANY_CONTACT,
    ON_SITE_VISIT;

    public boolean counts(Channel channel) {
        return this == ANY_CONTACT || channel.isOnSite();
    }
}
