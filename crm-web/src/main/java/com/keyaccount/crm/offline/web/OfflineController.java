package com.keyaccount.crm.offline.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What makes the field pages an installable app (issue 23): the web app manifest, the service
 * worker (at the root, so its scope is the whole app) and the page it shows for a page not kept
 * on the phone. All three are open without signing in: the browser fetches the manifest without
 * cookies, and checks the worker for updates whoever is signed in, or nobody.
 */
@Controller
class OfflineController {

    /** The design system's primary blue (app.css). */
    static final String THEME_COLOUR = "#1c5fa8";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final ServiceWorkerScript script;
    private final MessageSource messages;

    OfflineController(MessageSource messages) {
        this.script = new ServiceWorkerScript();
        this.messages = messages;
    }

    @GetMapping("/sw.js")
    ResponseEntity<String> serviceWorker() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(script.text());
    }

    /** URLs relative to the manifest's own, which stands at the root. Opens on My day. */
    @GetMapping(path = "/manifest.webmanifest", produces = "application/manifest+json")
    @ResponseBody
    Map<String, Object> manifest(Locale locale) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", messages.getMessage("app.name", null, locale));
        manifest.put("short_name", messages.getMessage("offline.shortName", null, locale));
        manifest.put("description", messages.getMessage("offline.description", null, locale));
        manifest.put("lang", locale.toLanguageTag());
        manifest.put("id", "./");
        manifest.put("start_url", "my-day");
        manifest.put("scope", "./");
        manifest.put("display", "standalone");
        manifest.put("theme_color", THEME_COLOUR);
        manifest.put("background_color", "#ffffff");
        manifest.put("icons", List.of(
                icon("icons/icon-192.png", "192x192", "any"),
                icon("icons/icon-512.png", "512x512", "any"),
                icon("icons/icon-maskable-512.png", "512x512", "maskable")));
        return manifest;
    }

    private static Map<String, String> icon(String src, String sizes, String purpose) {
        return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", purpose);
    }

    /** Shown by the service worker for a page that is not on the phone while there is no connection. */
    @GetMapping("/offline")
    String offline() {
        return "offline/offline";
    }
}
