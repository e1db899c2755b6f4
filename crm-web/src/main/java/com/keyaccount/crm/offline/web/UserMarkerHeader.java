package com.keyaccount.crm.offline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user's {@link UserMarker} on every answer of a controller: the service
 * worker keeps a page for offline use only when it carries one, under that user.
 */
@Configuration
class UserMarkerHeader implements WebMvcConfigurer, HandlerInterceptor {

    private final UserMarker markers;

    UserMarkerHeader(UserMarker markers) {
        this.markers = markers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String marker = markers.current();
        if (marker != null) {
            response.setHeader(UserMarker.HEADER, marker);
        }
        return true;
    }
}
