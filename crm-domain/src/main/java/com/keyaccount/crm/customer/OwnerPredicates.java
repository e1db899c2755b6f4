package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.Scope;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/** A scope as a criteria condition on an owner id. */
final class OwnerPredicates {

    private OwnerPredicates() {
    }

    static Predicate within(Scope scope, Expression<Long> ownerId, CriteriaBuilder cb) {
        if (scope.all()) {
            return cb.conjunction();
        }
        if (scope.owners().isEmpty()) {
            return cb.disjunction();
        }
        return scope.single() ? cb.equal(ownerId, scope.theOwner()) : ownerId.in(scope.owners());
    }
}
