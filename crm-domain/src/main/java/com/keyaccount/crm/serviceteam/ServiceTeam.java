package com.keyaccount.crm.serviceteam;

import com.keyaccount.crm.user.Role;
import java.time.Instant;
import java.util.List;

/**
 * An account's service team as its page shows it: the owner, the members who serve it beside
 * them (sales, customer service, marketing), and the managers who supervise the owner's book.
 * {@code mayChange}: the viewer may add and remove members (the owner, their supervisors, a
 * director or admin — not the members themselves).
 */
public record ServiceTeam(long customerId, Person owner, List<Member> members, List<Person> supervisors,
        boolean mayChange) {

    public record Person(long id, String displayName, Role role) {
    }

    public record Member(long id, String displayName, Role role, Instant addedAt, String addedBy) {
    }
}
