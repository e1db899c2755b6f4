package com.keyaccount.crm.offline.web;

import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Marks every answer of a controller to a signed-in user with their {@link UserMarker}: the
 * {@code Crm-User} header, by which the service worker keeps a page only for that user, and the
 * model's {@code crmUser}, which the layout hands to the page's script.
 */
@ControllerAdvice
class UserMarkers {

    @ModelAttribute("crmUser")
    String mark(Viewer viewer, HttpServletResponse response) {
        if (viewer == null) {
            return null;
        }
        String marker = UserMarker.of(viewer.userId());
        response.setHeader(UserMarker.HEADER, marker);
        return marker;
    }
}
