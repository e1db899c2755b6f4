package com.keyaccount.crm.org.web;

import com.keyaccount.crm.org.OrgRefusedException;
import com.keyaccount.crm.org.OrgUnitNotFoundException;
import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.org.UnitKind;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin builds the sales organisation (issue 19): the tree of units with their people and
 * the customers those people own; a unit added below another, renamed, moved or deleted.
 */
@Controller
@RequestMapping("/admin/organisation")
@RequiredArgsConstructor
class OrgAdminController {

    private static final String TREE = "redirect:/admin/organisation";

    private final Organisation organisation;

    @GetMapping
    String tree(@RequestParam(required = false) Long under, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(under);
        form.setKind(UnitKind.TEAM);
        return tree(form, model);
    }

    @PostMapping
    String add(@ModelAttribute("form") UnitForm form, BindingResult result, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        // one message a field: one that could not be read already has its own
        if (form.getParentId() == null && !result.hasFieldErrors("parentId")) {
            result.rejectValue("parentId", "org.refused.LEVEL");
        }
        if (form.getKind() == null && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "org.kind.required");
        }
        if (!result.hasErrors()) {
            try {
                organisation.add(viewer, form.getParentId(), form.getName(), form.getKind());
                redirect.addFlashAttribute("flash", "flash.org.added");
                return TREE;
            } catch (OrgRefusedException e) {
                UnitRefusals.reject(result, e, "kind");
            } catch (OrgUnitNotFoundException e) {
                result.rejectValue("parentId", "org.parent.unknown");
            }
        }
        return tree(form, model);
    }

    private String tree(UnitForm form, Model model) {
        List<Organisation.Node> chart = organisation.chart();
        model.addAttribute("chart", chart);
        model.addAttribute("parents", chart.stream().filter(n -> n.kind() != UnitKind.TEAM).toList());
        model.addAttribute("kinds", List.of(UnitKind.PROVINCE, UnitKind.REGION, UnitKind.TEAM));
        model.addAttribute("form", form);
        return "admin/organisation/tree";
    }

    @GetMapping("/{id}")
    String unit(@PathVariable long id, Model model) {
        Organisation.Node node = node(id);
        UnitForm form = new UnitForm();
        form.setName(node.name());
        form.setParentId(node.parentId());
        form.setVersion(node.version());
        return unit(node, form, model);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult result, Viewer viewer,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Organisation.Node node = node(id);
        if (result.hasErrors()) {
            // a version or place that is not a number saves nothing, and says so beside the field
            return unit(node, form, model);
        }
        try {
            organisation.change(viewer, id, form.getVersion(), form.getName(), form.getParentId());
            redirect.addFlashAttribute("flash", "flash.org.saved");
            return "redirect:/admin/organisation/" + id;
        } catch (OrgRefusedException e) {
            UnitRefusals.reject(result, e, "parentId");
        } catch (OrgUnitNotFoundException e) {
            result.rejectValue("parentId", "org.parent.unknown");
        } catch (ObjectOptimisticLockingFailureException e) {
            // what they typed stays; the unit as saved meanwhile is shown beside it
            model.addAttribute("current", node);
            form.setVersion(node.version());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return unit(node, form, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "-1") long version, Viewer viewer,
            RedirectAttributes redirect) {
        node(id);
        try {
            organisation.delete(viewer, id, version);
            redirect.addFlashAttribute("flash", "flash.org.deleted");
            return TREE;
        } catch (OrgRefusedException e) {
            redirect.addFlashAttribute("refused", "org.refused." + e.reason());
        } catch (ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refused", "org.conflict");
        }
        return "redirect:/admin/organisation/" + id;
    }

    private String unit(Organisation.Node node, UnitForm form, Model model) {
        List<Organisation.Node> chart = organisation.chart();
        model.addAttribute("unit", node);
        model.addAttribute("chart", chart);
        // where it may go: a unit of a higher level, outside its own branch (the rule checks again)
        List<Organisation.Node> branch = Organisation.branch(chart, node.id());
        model.addAttribute("parents", chart.stream().filter(n -> n.kind().mayHold(node.kind()))
                .filter(n -> !branch.contains(n)).toList());
        model.addAttribute("form", form);
        return "admin/organisation/unit";
    }

    private Organisation.Node node(long id) {
        return organisation.node(id).orElseThrow(() -> new OrgUnitNotFoundException(id));
    }
}
