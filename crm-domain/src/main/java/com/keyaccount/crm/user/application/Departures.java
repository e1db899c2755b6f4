package com.keyaccount.crm.user.application;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone leaves (离职): their whole book goes to the account manager the administrator names,
 * each customer's move in the audit log with the reason, and only then is the user disabled —
 * all or nothing, so no customer is left with an owner who cannot sign in.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class Departures {

    private final UserAdministration administration;
    private final CustomerService customers;
    private final AppUserRepository users;
    private final JdbcTemplate jdbc;

    /** Returns how many customers changed hands. */
    public int leave(Viewer admin, long userId, Long successorId, String reason) {
        AppUser leaving = administration.get(admin, userId);
        List<Long> book = jdbc.queryForList("SELECT id FROM customer WHERE owner_id = ? AND deleted = FALSE ORDER BY id",
                Long.class, userId);
        int moved = 0;
        if (!book.isEmpty()) {
            if (successorId == null) {
                throw new SuccessorRefusedException(SuccessorRefusedException.Why.NEEDED);
            }
            AppUser successor = users.findById(successorId)
                    .filter(u -> u.isEnabled() && u.getRole() == Role.ACCOUNT_MANAGER && !u.getId().equals(leaving.getId()))
                    .orElseThrow(() -> new SuccessorRefusedException(SuccessorRefusedException.Why.INVALID));
            moved = customers.reassign(admin, book, successor.getId(), reason);
        }
        administration.disable(admin, userId);
        return moved;
    }
}
