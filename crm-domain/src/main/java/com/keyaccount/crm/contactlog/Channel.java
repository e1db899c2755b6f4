package com.keyaccount.crm.contactlog;

/** How the contact happened: 上门拜访 / 电话 / 邮件 / 短信 / 微信 / 活动. */
public enum Channel {
    VISIT,
    PHONE,
    EMAIL,
    SMS,
    WECHAT,
    MEETING;

    /** On-site visits have their own, longer quota besides "any contact". */
    public boolean isOnSite() {
        return this == VISIT;
    }
}
