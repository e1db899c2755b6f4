package com.keyaccount.crm.followup.rules;

/** What a quota counts: any contact at all, or only on-site visits (上门拜访). */
public enum ChannelGroup {
    ANY_CONTACT,
    ON_SITE_VISIT
}
