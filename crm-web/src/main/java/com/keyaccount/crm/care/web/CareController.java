package com.keyaccount.crm.care.web;

import com.keyaccount.crm.care.application.CarePolicies;
import com.keyaccount.crm.care.application.CareSpending;
import com.keyaccount.crm.care.application.CareTask;
import com.keyaccount.crm.care.application.CareTaskMaker;
import com.keyaccount.crm.care.application.CareTaskRejectedException;
import com.keyaccount.crm.care.application.CareTasks;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import jakarta.validation.Valid;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 关怀: the care page (a manager's book, a director's spending per manager and tier against
 * budget, gifts waiting for approval) and one task's page, where it is marked given, skipped,
 * handed to a colleague, approved or rejected.
 */
@Controller
@RequiredArgsConstructor
class CareController {

    private final CareTasks tasks;
    private final CareSpending spending;
    private final CarePolicies policies;
    private final CareTaskMaker maker;
    private final Team team;

    @GetMapping("/care")
    String page(@RequestParam(required = false) Integer year, Viewer viewer, Model model) {
        maker.makeDueOncePerDay();
        LocalDate today = today();
        int shown = year == null || year < 2000 || year > today.getYear() + 1 ? today.getYear() : year;
        model.addAttribute("book", spending.book(viewer, shown));
        model.addAttribute("open", tasks.open(viewer, 100));
        model.addAttribute("pending", tasks.pendingApproval(viewer));
        model.addAttribute("rules", policies.inForce());
        model.addAttribute("year", shown);
        model.addAttribute("today", today);
        model.addAttribute("director", viewer.role().seesAllCustomers());
        return "care/page";
    }

    @GetMapping("/care/tasks/{id}")
    String task(@PathVariable long id, Viewer viewer, Model model) {
        CareTask task = tasks.get(viewer, id);
        CareForms.Done done = new CareForms.Done();
        done.setVersion(task.version());
        done.setDoneOn(today());
        CareForms.Note note = new CareForms.Note();
        note.setVersion(task.version());
        return show(task, done, note, viewer, model);
    }

    @PostMapping("/care/tasks/{id}/done")
    String done(@PathVariable long id, @Valid @ModelAttribute("doneForm") CareForms.Done form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        CareTask task = tasks.get(viewer, id);
        if (!result.hasErrors()) {
            try {
                CareTask.State state = tasks.markDone(viewer, id, form.getVersion(), form.getGift().strip(),
                        form.getCost(), form.getDoneOn(), blank(form.getNote()));
                redirect.addFlashAttribute("flash", state == CareTask.State.PENDING_APPROVAL
                        ? "flash.care.pending" : "flash.care.done");
                return "redirect:/care/tasks/" + id;
            } catch (CareTaskRejectedException e) {
                reject(result, e);
            }
        }
        CareForms.Note note = new CareForms.Note();
        note.setVersion(task.version());
        return show(task, form, note, viewer, model);
    }

    @PostMapping("/care/tasks/{id}/skip")
    String skip(@PathVariable long id, @Valid @ModelAttribute("noteForm") CareForms.Note form, BindingResult result,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        return noteAction(id, form, result, viewer, model, redirect, () -> tasks.skip(viewer, id, form.getVersion(),
                form.getNote()), "flash.care.skipped");
    }

    @PostMapping("/care/tasks/{id}/approve")
    String approve(@PathVariable long id, @Valid @ModelAttribute("noteForm") CareForms.Note form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        return noteAction(id, form, result, viewer, model, redirect, () -> tasks.decide(viewer, id, form.getVersion(),
                true, form.getNote()), "flash.care.approved");
    }

    @PostMapping("/care/tasks/{id}/reject")
    String rejectGift(@PathVariable long id, @Valid @ModelAttribute("noteForm") CareForms.Note form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        return noteAction(id, form, result, viewer, model, redirect, () -> tasks.decide(viewer, id, form.getVersion(),
                false, form.getNote()), "flash.care.rejected");
    }

    @PostMapping("/care/tasks/{id}/assign")
    String assign(@PathVariable long id, @ModelAttribute("assignForm") CareForms.Assign form, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        tasks.get(viewer, id);
        try {
            if (form.getAssigneeId() == null) {
                throw new CareTaskRejectedException("assigneeId", "assignee");
            }
            tasks.assign(viewer, id, form.getVersion(), form.getAssigneeId());
        } catch (CareTaskRejectedException e) {
            redirect.addFlashAttribute("careError", "care.error." + e.code());
            return "redirect:/care/tasks/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.care.assigned");
        return "redirect:/care/tasks/" + id;
    }

    private String noteAction(long id, CareForms.Note form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect, Runnable action, String flash) {
        CareTask task = tasks.get(viewer, id);
        if (!result.hasErrors()) {
            try {
                action.run();
                redirect.addFlashAttribute("flash", flash);
                return "redirect:/care/tasks/" + id;
            } catch (CareTaskRejectedException e) {
                reject(result, e);
            }
        }
        CareForms.Done done = new CareForms.Done();
        done.setVersion(task.version());
        done.setDoneOn(today());
        return show(task, done, form, viewer, model);
    }

    private static void reject(BindingResult result, CareTaskRejectedException e) {
        if (e.field() != null) {
            result.rejectValue(e.field(), "care.error." + e.code());
        } else {
            result.reject("care.error." + e.code());
        }
    }

    private String show(CareTask task, CareForms.Done done, CareForms.Note note, Viewer viewer, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("doneForm", done);
        model.addAttribute("noteForm", note);
        CareForms.Assign assign = new CareForms.Assign();
        assign.setVersion(task.version());
        assign.setAssigneeId(task.assigneeId());
        model.addAttribute("assignForm", assign);
        model.addAttribute("managers", team.accountManagers());
        model.addAttribute("rules", policies.inForce());
        model.addAttribute("budget", spending.customer(task.customerId(), today().getYear()));
        model.addAttribute("director", viewer.role().seesAllCustomers());
        model.addAttribute("own", viewer.username().equals(task.requestedBy()));
        model.addAttribute("today", today());
        return "care/task";
    }

    private LocalDate today() {
        return maker.today();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
