package com.keyaccount.crm.serviceteam;

/** Only an enabled account manager, customer service or marketing person other than the owner joins a team. */
public class ServiceTeamRefusedException extends RuntimeException {

    public ServiceTeamRefusedException(long userId) {
        super("user " + userId + " cannot join this service team");
    }
}
