package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on the sales team, for the pages that offer a choice of account manager or name the
 * owner of a book. Rows, not entities: a page must not be able to change a user by accident.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Team {

    private final AppUserRepository users;

    /** The enabled account managers by display name: the only users a customer may belong to. */
    public List<TeamMember> accountManagers() {
        return users.findByRoleAndEnabledTrueOrderByDisplayName(Role.ACCOUNT_MANAGER).stream()
                .map(TeamMember::of).toList();
    }

    /** The account managers whose books the viewer sees: whom their pages may narrow to. */
    public List<TeamMember> accountManagersSeenBy(Viewer viewer) {
        return accountManagers().stream().filter(m -> viewer.canSee(m.id())).toList();
    }

    /** Every enabled user by display name: whom an action of an account plan may be given to. */
    public List<TeamMember> colleagues() {
        return users.findByEnabledTrueOrderByDisplayName().stream().map(TeamMember::of).toList();
    }

    public Optional<String> displayName(long userId) {
        return users.findById(userId).map(AppUser::getDisplayName);
    }

    /** The name a history shows for who did something, recorded by username (an ERP client is none). */
    public Optional<String> displayNameOf(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username).map(AppUser::getDisplayName);
    }
}
