package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;

/** What every use case on users checks first: the viewer is an administrator, the user exists. */
final class AdminAccess {

    private AdminAccess() {
    }

    static void require(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("manage users");
        }
    }

    static AppUser find(AppUserRepository users, long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }
}
