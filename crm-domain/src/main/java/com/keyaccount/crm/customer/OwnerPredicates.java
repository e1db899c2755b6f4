package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.Scope;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/** A scope as a criteria condition on a customer's owner and id. */
final class OwnerPredicates {

    private OwnerPredicates() {
    }

    /** The customers in scope: by their owner's book, or by the service teams the viewer is on. */
    static Predicate within(Scope scope, Expression<Long> ownerId, Expression<Long> customerId, CriteriaBuilder cb) {
        if (scope.all()) {
            return cb.conjunction();
        }
        Predicate books = scope.books().isEmpty() ? cb.disjunction()
                : scope.books().size() == 1 ? cb.equal(ownerId, scope.books().iterator().next())
                : ownerId.in(scope.books());
        return scope.teamAccounts().isEmpty() ? books : cb.or(books, customerId.in(scope.teamAccounts()));
    }
}
