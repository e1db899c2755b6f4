package com.keyaccount.crm.user.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.application.UserChanges;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import lombok.Getter;
import lombok.Setter;

/** Editing a user: what an administrator may change, and the version they loaded. */
@Getter
@Setter
public class UserForm {

    @NotBlank
    @Size(max = 100)
    @PlainText
    private String displayName;

    @NotNull
    private Role role;

    private Region region;

    /** The unit of the organisation they sit in; none until placed. */
    private Long unitId;

    /** A save against an older version is a conflict, not an overwrite. */
    private long version;

    static UserForm of(AppUser user) {
        UserForm form = new UserForm();
        form.displayName = user.getDisplayName();
        form.role = user.getRole();
        form.region = Arrays.stream(Region.values()).filter(r -> r.name().equals(user.getRegion())).findFirst()
                .orElse(null);
        form.unitId = user.getUnitId();
        form.version = user.getVersion();
        return form;
    }

    UserChanges toChanges() {
        return new UserChanges(displayName.strip(), role, region == null ? null : region.name(), unitId);
    }
}
