package com.keyaccount.crm.tier.application;

/** The customer has no computed tier yet, so there is nothing a pin could be shown against. */
public class NotYetClassifiedException extends RuntimeException {

    public NotYetClassifiedException() {
        super("the customer has not been classified yet");
    }
}
