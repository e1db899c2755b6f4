package com.keyaccount.crm.user.web;

import jakarta.validation.constraints.NotBlank;
import lombok.Getter;
import lombok.Setter;

/** Changing one's own password: the current (or temporary) one, the new one twice. */
@Getter
@Setter
public class PasswordForm {

    @NotBlank
    private String current;

    @NotBlank
    private String chosen;

    @NotBlank
    private String confirmation;
}
