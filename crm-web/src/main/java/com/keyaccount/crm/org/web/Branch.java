package com.keyaccount.crm.org.web;

import com.keyaccount.crm.org.Organisation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A unit and the units below it, from the chart (which lists every unit right after its parent). */
final class Branch {

    private Branch() {
    }

    static Set<Long> of(List<Organisation.Node> chart, long top) {
        Set<Long> branch = new HashSet<>();
        Integer depth = null;
        for (Organisation.Node n : chart) {
            if (n.id() == top) {
                depth = n.depth();
                branch.add(n.id());
            } else if (depth != null) {
                if (n.depth() <= depth) {
                    break;
                }
                branch.add(n.id());
            }
        }
        return branch;
    }
}
