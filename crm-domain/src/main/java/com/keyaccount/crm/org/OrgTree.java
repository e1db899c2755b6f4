package com.keyaccount.crm.org;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks the tree in memory: the organisation is a few hundred units at most. */
final class OrgTree {

    private OrgTree() {
    }

    /** The unit and every unit below it. */
    static Set<Long> below(Collection<OrgUnit> all, long top) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (OrgUnit unit : all) {
            if (unit.getParentId() != null) {
                children.computeIfAbsent(unit.getParentId(), k -> new java.util.ArrayList<>()).add(unit.getId());
            }
        }
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(top));
        while (!todo.isEmpty()) {
            long id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }
}
