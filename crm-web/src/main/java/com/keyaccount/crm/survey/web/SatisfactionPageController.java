package com.keyaccount.crm.survey.web;

import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.survey.application.SatisfactionFigures.AnswerRow;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.survey.application.SurveyRequests;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 满意度: the scores per manager, tier and quarter with NPS (a manager sees their own book), the
 * surveys due, and every answer as CSV or Excel in words.
 */
@Controller
class SatisfactionPageController {

    private final SatisfactionReport report;
    private final SurveyRequests requests;
    private final ViewExports views;
    private final MessageSource messages;

    SatisfactionPageController(SatisfactionReport report, SurveyRequests requests, ViewExports views,
            MessageSource messages) {
        this.report = report;
        this.requests = requests;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/satisfaction")
    String page(Viewer viewer, Model model) {
        model.addAttribute("overview", report.overview(viewer));
        model.addAttribute("ownBook", !viewer.seesOthers());
        return "surveys/satisfaction";
    }

    /** My day's "surveys due" line opens this: the viewer's own customers due for a survey. */
    @GetMapping("/satisfaction/due")
    String due(Viewer viewer, Model model) {
        model.addAttribute("due", requests.dueFor(viewer.userId()));
        return "surveys/due";
    }

    @GetMapping("/satisfaction/export.{format:csv|xlsx}")
    void export(@PathVariable String format, Viewer viewer, Locale locale, HttpServletResponse response)
            throws IOException {
        views.send(viewer, "survey-answers", format, new String[] {"code", "customer_name", "owner", "answered_at",
            "survey_channel", "questionnaire_version", "question_no", "question", "rating", "answer_text", "score"},
                locale, response, sink -> {
                    try {
                        report.forEachAnswer(viewer, a -> write(sink, a, locale));
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                });
    }

    private boolean write(ViewExports.Sink sink, AnswerRow a, Locale locale) {
        try {
            return sink.row(a.customerCode(), a.customerName(), a.manager(), a.answeredAt(),
                    messages.getMessage("survey.channel." + a.channel(), null, a.channel(), locale), a.version(),
                    a.position(), "en".equals(locale.getLanguage()) ? a.questionEn() : a.questionZh(), a.rating(),
                    a.text(), a.score());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
