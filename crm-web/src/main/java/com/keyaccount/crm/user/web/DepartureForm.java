package com.keyaccount.crm.user.web;

import lombok.Getter;
import lombok.Setter;

/** Who takes over the leaver's customers (required when they own any: the use case says so). */
@Getter
@Setter
public class DepartureForm {

    private Long successorId;
}
