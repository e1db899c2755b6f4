package com.keyaccount.crm.contactlog.web;

import com.keyaccount.crm.attachment.FileUploads;
import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.contactlog.ContactLogService;
import com.keyaccount.crm.contactlog.JointVisitRefusedException;
import com.keyaccount.crm.contactlog.RecordedLog;
import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.application.ProspectContactLogs;
import com.keyaccount.crm.prospect.application.StaleProspectException;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.serviceteam.ServiceTeams;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.BackToMyDay;
import com.keyaccount.crm.web.FilesError;
import com.keyaccount.crm.web.UploadedFiles;
import com.keyaccount.crm.web.UploadedFiles.Checked;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequiredArgsConstructor
class ContactLogController {

    /** A log may be a few minutes ahead of the server clock (phone clocks drift), not more. */
    private static final long ALLOWED_CLOCK_SKEW_MINUTES = 10;
    private static final int PICKER_SIZE = 20;

    private final CustomerService customers;
    private final ContactLogService contactLogs;
    /** A prospect's log form asks for its re-grade, saved with the log. */
    private final ProspectContactLogs prospectLogs;
    private final Clock clock;
    private final ZoneId businessZone;
    /** The form checks of the full form, run by hand on the quick log once its time is set. */
    private final Validator beanValidator;
    /** Photos and files on the visit (issue 23): checked with the form, kept with the log. */
    private final UploadedFiles uploadedFiles;
    private final FileUploads fileUploads;
    /** Whom a joint visit (协访) may name: the account's team. */
    private final ServiceTeams serviceTeams;

    /** The menu's "log a contact": find one of my customers, then open its log form. */
    @GetMapping("/log-contact")
    String pickCustomer(@RequestParam(required = false) String q, Viewer viewer,
            Model model) {
        // a control character can match nothing stored; dropped rather than sent to the database
        var criteria = new CustomerCriteria(ControlCharacters.removedFrom(q), null, null, null, null, null);
        model.addAttribute("q", q);
        model.addAttribute("matches", customers.search(viewer, criteria,
                PageRequest.of(0, PICKER_SIZE, Sort.by("name").and(Sort.by("id")))));
        return "contactlogs/pick";
    }

    @GetMapping("/customers/{customerId}/logs/new")
    String form(@PathVariable long customerId, @RequestParam(required = false) String back,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "false") boolean filesTooLarge, Viewer viewer, Model model) {
        var customer = customers.get(viewer, customerId);
        ContactLogForm form = ContactLogForm.blank(now());
        // a duty's "log" opens on its channel (a call from the calls due); anything else keeps the visit
        Arrays.stream(Channel.values()).filter(c -> c.name().equals(channel)).findFirst().ifPresent(form::setChannel);
        model.addAttribute("customer", customer);
        model.addAttribute("back", BackToMyDay.requested(back) ? BackToMyDay.PARAM_VALUE : null);
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        // a body too large to read was sent back here by the request limits, before anything was read
        model.addAttribute("filesError", filesTooLarge ? FilesError.tooLargeRequest() : null);
        model.addAttribute("colleagues", serviceTeams.colleagues(viewer, customer));
        showGrade(customer, form, model);
        return "contactlogs/form";
    }

    @PostMapping("/customers/{customerId}/logs")
    String record(@PathVariable long customerId, @Valid @ModelAttribute("form") ContactLogForm form,
            BindingResult result, @RequestParam(required = false) String back,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean keepTakenAt,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        customers.get(viewer, customerId);
        return save(customerId, form, result, BackToMyDay.requested(back),
                BackToMyDay.requested(back) ? "/my-day" : "/customers/" + customerId + "#timeline",
                uploadedFiles.check(files, keepTakenAt), viewer, model, redirect, response);
    }

    /**
     * My day's quick log: a channel and one line, logged as of now, through the same checks and
     * use case as the full form. The way back keeps My day's filters; a mistake opens the full
     * form with what was typed and the message beside the field.
     */
    @PostMapping("/customers/{customerId}/logs/quick")
    String quick(@PathVariable long customerId, @ModelAttribute("form") ContactLogForm form, BindingResult result,
            @RequestParam(required = false) Long manager, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String city, @RequestParam(defaultValue = "false") boolean quickGrade,
            @RequestParam(required = false) CloseClass closeClassShown, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        form.setOccurredAt(now().truncatedTo(ChronoUnit.MINUTES));
        form.setGradeShown(false);
        form.setExpectedMonthlyValue(null);
        if (quickGrade) {
            quickGrade(customers.get(viewer, customerId), form, closeClassShown);
        } else {
            form.setCloseClass(null);
        }
        new SpringValidatorAdapter(beanValidator).validate(form, result);
        return save(customerId, form, result, true, BackToMyDay.location(manager, tier, city), Checked.NONE, viewer,
                model, redirect, response);
    }

    private String save(long customerId, ContactLogForm form, BindingResult result, boolean fromMyDay,
            String target, Checked files, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        var customer = customers.get(viewer, customerId);
        checkDates(form, result);
        if (result.hasFieldErrors("submissionToken")) {
            // a tampered or missing token: keep the typed text, issue a fresh token
            form.setSubmissionToken(UUID.randomUUID().toString());
        }
        model.addAttribute("filesError", files.error());
        if (!result.hasErrors() && files.ok()) {
            try {
                RecordedLog recorded = recordOnce(viewer, customerId, form, files);
                redirect.addFlashAttribute("flash", recorded.duplicate() ? "flash.log.duplicate" : "flash.log.created");
                return "redirect:" + target;
            } catch (StaleProspectException regradedMeanwhile) {
                // nothing was written: the form comes back with the text, the grade saved now beside
                // the user's, and the new version, so saving again keeps the user's grade
                model.addAttribute("gradeConflict", true);
                prospectLogs.gradeOf(customer).ifPresent(now -> {
                    model.addAttribute("savedGrade", now);
                    form.setProspectVersion(now.version());
                });
                result.rejectValue("closeClass", "cadence.grade.stale");
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            } catch (JointVisitRefusedException notOnTheTeam) {
                // someone left the team (or the list was tampered with) since the form was opened
                result.rejectValue("participants", "log.participants.refused");
            } catch (UncheckedIOException storeDown) {
                // the file store could not take the files: nothing was written, the form comes back
                model.addAttribute("filesError", FilesError.storeDown());
            }
        }
        model.addAttribute("customer", customer);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("back", fromMyDay ? BackToMyDay.PARAM_VALUE : null);
        model.addAttribute("colleagues", serviceTeams.colleagues(viewer, customer));
        showGrade(customer, form, model);
        return "contactlogs/form";
    }

    /**
     * A prospect's row on My day asks for its close-time class only: the expected value stays as
     * saved. The row showed {@code shown}; when the class saved now differs (someone re-graded it
     * meanwhile), the version sent is one that cannot match, so the use case refuses it as stale
     * and the full form opens with both grades, as when the full form meets the same.
     */
    private void quickGrade(Customer customer, ContactLogForm form, CloseClass shown) {
        prospectLogs.gradeOf(customer).ifPresent(now -> {
            form.setGradeShown(true);
            form.setExpectedMonthlyValue(now.expectedMonthlyValue());
            boolean unchanged = now.closeClass() == shown;
            form.setProspectVersion(unchanged ? now.version() : now.version() == null ? 0L : now.version() + 1);
        });
    }

    /** A prospect's form shows its grade (as saved, or as the user chose it) and the cadence of each class. */
    private void showGrade(Customer customer, ContactLogForm form, Model model) {
        prospectLogs.gradeOf(customer).ifPresent(grade -> {
            form.showGrade(grade);
            model.addAttribute("grade", grade);
            model.addAttribute("closeClasses", CloseClass.values());
        });
    }

    private RecordedLog recordOnce(Viewer viewer, long customerId, ContactLogForm form, Checked files) {
        try {
            GradeCommand grade = form.toGrade();
            Supplier<RecordedLog> write = () -> grade == null
                    ? contactLogs.record(viewer, customerId, form.toCommand(businessZone))
                    : prospectLogs.record(viewer, customerId, form.toCommand(businessZone), grade);
            // with photos, the log and its photos in one transaction: both are kept, or neither
            return files.files().isEmpty() ? write.get() : fileUploads.logWithFiles(viewer, files.files(), write);
        } catch (DataIntegrityViolationException raceWithSameToken) {
            return contactLogs.findSubmission(form.getSubmissionToken()).orElseThrow(() -> raceWithSameToken);
        }
    }

    private void checkDates(ContactLogForm form, BindingResult result) {
        LocalDateTime now = now();
        if (form.getOccurredAt() != null && form.getOccurredAt().isAfter(now.plusMinutes(ALLOWED_CLOCK_SKEW_MINUTES))) {
            result.rejectValue("occurredAt", "log.occurredAt.future");
        }
        if (form.getOccurredAt() != null && form.getAgreedNextOn() != null
                && form.getAgreedNextOn().isBefore(form.getOccurredAt().toLocalDate())) {
            result.rejectValue("agreedNextOn", "log.agreedNextOn.beforeContact");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(businessZone));
    }
}
