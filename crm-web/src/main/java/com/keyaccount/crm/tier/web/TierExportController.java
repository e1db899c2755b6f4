package com.keyaccount.crm.tier.web;

import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.tier.application.TierExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The current tiers as CSV; an account manager gets their own book, directors everyone. */
@Controller
@RequiredArgsConstructor
class TierExportController {

    private final TierExport export;
    private final Clock clock;
    private final ZoneId businessZone;

    @GetMapping("/customers/tiers.csv")
    void csv(@AuthenticationPrincipal CrmUser user, HttpServletResponse response) throws IOException {
        String filename = "tiers-" + LocalDate.now(clock.withZone(businessZone)) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(user.viewer(), out);
        out.flush();
    }
}
