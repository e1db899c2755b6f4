package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.ChinaDivisions;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The national list of provinces and cities, for the customer pages' choices and names. */
@ControllerAdvice(assignableTypes = {CustomerController.class, CustomerDetailController.class})
class PlaceChoices {

    @ModelAttribute("divisions")
    ChinaDivisions divisions() {
        return ChinaDivisions.get();
    }

    @ModelAttribute("placeOptions")
    PlaceOptions placeOptions(Locale locale) {
        return PlaceOptions.in(locale);
    }
}
