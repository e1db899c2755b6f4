package com.keyaccount.crm.web;

/** A page for something that does not exist (or that the viewer may not know of): the 404 page. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String what) {
        super(what);
    }
}
