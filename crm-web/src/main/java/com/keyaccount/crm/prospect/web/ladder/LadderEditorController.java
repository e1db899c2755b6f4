package com.keyaccount.crm.prospect.web.ladder;

import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.prospect.application.ProspectLadders.InForce;
import com.keyaccount.crm.prospect.editor.LadderPublishing;
import com.keyaccount.crm.prospect.editor.LadderRefusedException;
import com.keyaccount.crm.prospect.editor.StaleLadderException;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.Requirement;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.web.Formats;
import com.keyaccount.crm.web.ViolationFields;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.function.BiConsumer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins only (SecurityConfig: /admin/**): the prospect ladder editor. One form holds the whole
 * ladder; its buttons add, remove and move rows on the server, and "publish" makes it the next
 * version. Someone else's publication since the form was filled is a conflict page, never an
 * overwrite. Every version can be viewed and restored (published again as the next version).
 */
@Controller
@RequestMapping("/admin/prospect-ladder")
@RequiredArgsConstructor
class LadderEditorController {

    private static final String FORM = "ladderForm";
    private static final String HOME = "redirect:/admin/prospect-ladder";

    private final LadderPublishing publishing;
    private final MessageSource messages;
    private final Formats formats;

    /**
     * Indexed fields ({@code stages[3].conditions[1].textZh}) grow the form's lists up to the
     * ladder's size and no further; a larger index answers 400 (ErrorPagesAdvice).
     */
    @InitBinder(FORM)
    void boundedRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(ProspectLadder.MOST_STAGES);
    }

    @GetMapping
    String editor(Model model) {
        InForce inForce = publishing.inForce();
        model.addAttribute(FORM, LadderForm.of(inForce.version(), inForce.ladder()));
        return editor(model, inForce);
    }

    @PostMapping
    String post(@Valid @ModelAttribute(FORM) LadderForm form, BindingResult result,
            @RequestParam(defaultValue = LadderEdit.CHECK) String action, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        LadderEdit edit = LadderEdit.parse(action);
        if (edit.changesRows()) {
            BindingResult kept = outsideRows(form, result);
            edit.apply(form, kept, publishing::prospectsOn);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, kept);
            return editor(model, publishing.inForce());
        }
        ProspectLadder typed = form.toLadder();
        form.reject(result, publishing.violations(typed));
        if (result.hasErrors() || !edit.publishes()) {
            return editor(model, publishing.inForce());
        }
        try {
            publishing.publish(viewer, typed, form.getBasedOn());
        } catch (StaleLadderException e) {
            return conflict(form, typed, model, response, locale);
        } catch (LadderRefusedException e) {
            // a prospect reached a removed stage between the check and the publication
            form.reject(result, e.violations());
            return editor(model, publishing.inForce());
        }
        redirect.addFlashAttribute("flash", "flash.ladder.published");
        return HOME;
    }

    @GetMapping("/versions/{version}")
    String version(@PathVariable int version, Model model) {
        model.addAttribute("shown", publishing.version(version));
        addChoices(model, publishing.inForce());
        return "admin/prospect-ladder/version";
    }

    @PostMapping("/versions/{version}/restore")
    String restore(@PathVariable int version, @RequestParam int basedOn, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            publishing.restore(viewer, version, basedOn);
        } catch (StaleLadderException e) {
            return refused(model, response, (form, errors) -> errors.reject("ladderEditor.restore.stale",
                    new Object[] {e.inForce()}, null));
        } catch (LadderRefusedException e) {
            return refused(model, response, (form, errors) -> {
                errors.reject("ladderEditor.restore.refused", new Object[] {version}, null);
                ViolationFields.reject(errors, e.violations(), v -> null, LadderForm::message);
            });
        }
        redirect.addFlashAttribute("flash", "flash.ladder.restored");
        return HOME;
    }

    /** The editor with the ladder in force, and above it why a restore did not happen. */
    private String refused(Model model, HttpServletResponse response,
            BiConsumer<LadderForm, BindingResult> why) {
        InForce inForce = publishing.inForce();
        LadderForm form = LadderForm.of(inForce.version(), inForce.ladder());
        BindingResult errors = new BeanPropertyBindingResult(form, FORM);
        why.accept(form, errors);
        model.addAttribute(FORM, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        response.setStatus(HttpStatus.CONFLICT.value());
        return editor(model, inForce);
    }

    /**
     * Someone published first: their ladder beside the admin's, and the admin's form again, now
     * based on the version in force, to publish deliberately or leave. Nothing was written.
     */
    private String conflict(LadderForm mine, ProspectLadder typed, Model model, HttpServletResponse response,
            Locale locale) {
        InForce inForce = publishing.inForce();
        model.addAttribute("comparison", new LadderComparison(messages, formats, locale).rows(typed, inForce.ladder()));
        mine.setBasedOn(inForce.version());
        response.setStatus(HttpStatus.CONFLICT.value());
        addChoices(model, inForce);
        return "admin/prospect-ladder/conflict";
    }

    /**
     * The errors of a row change: only those of fields outside the rows (a cadence or amount that
     * could not be read keeps its message and what was typed); the rows' indexes have moved.
     */
    private static BindingResult outsideRows(LadderForm form, BindingResult result) {
        BindingResult kept = new BeanPropertyBindingResult(form, FORM);
        for (FieldError error : result.getFieldErrors()) {
            if (!error.getField().startsWith("stages") && !error.getField().startsWith("projectFactors")) {
                kept.addError(error);
            }
        }
        return kept;
    }

    private String editor(Model model, InForce inForce) {
        model.addAttribute("versions", publishing.versions());
        addChoices(model, inForce);
        return "admin/prospect-ladder/editor";
    }

    private static void addChoices(Model model, InForce inForce) {
        model.addAttribute("inForce", inForce);
        model.addAttribute("kinds", StageKind.values());
        model.addAttribute("requirements", Requirement.values());
        model.addAttribute("evidences", Evidence.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("closeClasses", CloseClass.values());
    }
}
