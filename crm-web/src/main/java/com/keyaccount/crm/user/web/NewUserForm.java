package com.keyaccount.crm.user.web;

import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.application.NewUser;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** The new-user form; an empty password means "generate a temporary one". */
@Getter
@Setter
public class NewUserForm {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "^[A-Za-z0-9_.\\-]*$")
    @PlainText
    private String username;

    @NotBlank
    @Size(max = 100)
    @PlainText
    private String displayName;

    @NotNull
    private Role role = Role.ACCOUNT_MANAGER;

    private Region region;

    private Long unitId;

    /** Never written back into the page: a rejected form asks for it again. */
    private String password;

    NewUser toCommand() {
        return new NewUser(username.strip(), displayName.strip(), role, region == null ? null : region.name(),
                password == null || password.isEmpty() ? null : password, unitId);
    }
}
