package com.keyaccount.crm.offline.web;

import com.keyaccount.crm.user.Viewer;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The phone's outbox: contact logs saved on the phone while there was no connection. The page
 * is a frame the script fills from the phone's storage (static/js/offline.js); the session
 * answer tells the script who is signed in and gives it a CSRF token to send them with.
 */
@Controller
class OutboxController {

    @GetMapping("/outbox")
    String outbox() {
        return "offline/outbox";
    }

    /**
     * Who is signed in (their marker: entries of another user are never sent under this one) and
     * a CSRF token for this session. Without a session the request goes to the sign-in page like
     * any other, which the script reads as "sign in to send".
     */
    @GetMapping(path = "/outbox/session", produces = "application/json")
    @ResponseBody
    SessionAnswer session(Viewer viewer, CsrfToken csrf) {
        return new SessionAnswer(UserMarker.of(viewer.userId()), csrf.getParameterName(), csrf.getHeaderName(),
                csrf.getToken());
    }

    record SessionAnswer(String user, String csrfParameter, String csrfHeader, String csrfToken) {
    }
}
