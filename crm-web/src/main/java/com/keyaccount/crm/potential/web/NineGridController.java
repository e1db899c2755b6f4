package com.keyaccount.crm.potential.web;

import com.keyaccount.crm.potential.application.NineGridFigures;
import com.keyaccount.crm.user.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The nine-grid (九宫格) of the viewer's book: potential against adoption, each cell opening its customers. */
@Controller
@RequiredArgsConstructor
class NineGridController {

    private final NineGridFigures figures;

    @GetMapping("/nine-grid")
    String grid(Viewer viewer, Model model) {
        model.addAttribute("grid", figures.of(viewer));
        return "potential/grid";
    }
}
