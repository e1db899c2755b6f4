package com.keyaccount.crm.checkin.web;

import lombok.Getter;
import lombok.Setter;

/** Typed coordinates, latitude first ("31.2304, 121.4737"); read by {@link CoordinatesText}. */
@Getter
@Setter
public class LocationForm {

    private String coordinates;
}
