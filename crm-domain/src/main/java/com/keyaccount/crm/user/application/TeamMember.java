package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.AppUser;

/** A user as a choice in a list: what the option's value and label need. */
public record TeamMember(long id, String displayName) {

    static TeamMember of(AppUser user) {
        return new TeamMember(user.getId(), user.getDisplayName());
    }
}
