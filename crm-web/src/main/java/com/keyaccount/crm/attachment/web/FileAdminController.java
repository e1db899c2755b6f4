package com.keyaccount.crm.attachment.web;

import com.keyaccount.crm.attachment.FileRetention;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's setting of how long the files of deleted customers (and deleted files) are kept. */
@Controller
@RequiredArgsConstructor
class FileAdminController {

    private static final String PAGE = "/admin/files";

    private final FileRetention retention;

    @GetMapping(PAGE)
    String page(Model model) {
        if (!model.containsAttribute("days")) {
            model.addAttribute("days", String.valueOf(retention.days()));
        }
        // as written, not as a formatted number ("3650", not "3,650")
        model.addAttribute("maxDays", String.valueOf(FileRetention.MAX_DAYS));
        return "admin/files";
    }

    @PostMapping(PAGE + "/retention")
    String change(@RequestParam(defaultValue = "") String days, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Integer parsed = parse(days.strip());
        if (parsed == null || parsed < 0 || parsed > FileRetention.MAX_DAYS) {
            model.addAttribute("days", days);
            model.addAttribute("daysError", true);
            return page(model);
        }
        retention.change(viewer, parsed);
        redirect.addFlashAttribute("flash", "flash.files.retention");
        return "redirect:" + PAGE;
    }

    private static Integer parse(String days) {
        if (!days.matches("\\d{1,5}")) {
            return null;
        }
        return Integer.valueOf(days);
    }
}
