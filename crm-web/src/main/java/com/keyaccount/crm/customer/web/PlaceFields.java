package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.Division;
import com.keyaccount.crm.customer.Place;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The customer form's province, city and region, checked together: each code one of the
 * national list's (a tampered one is refused beside its field), the city in the province, and a
 * region chosen unless a province — chosen, or named by the address — gives it.
 */
final class PlaceFields {

    private PlaceFields() {
    }

    /**
     * On an edit that changes the address but leaves province and city as they were, the place
     * follows the address where the new one names a place: the selects sit apart from the
     * address, and a customer who moved keeps no stale city.
     */
    static void followAddress(CustomerForm form, Customer before) {
        String address = blankToNull(form.getAddress());
        boolean placeUntouched = Objects.equals(blankToNull(form.getProvince()), before.place().provinceCode())
                && Objects.equals(blankToNull(form.getCity()), before.place().cityCode());
        if (placeUntouched && !Objects.equals(address, before.getAddress())) {
            Place named = ChinaDivisions.get().placeOf(address);
            if (named.isKnown()) {
                form.setProvince(named.provinceCode());
                form.setCity(named.cityCode());
            }
        }
    }

    static void check(CustomerForm form, BindingResult result) {
        ChinaDivisions divisions = ChinaDivisions.get();
        String provinceCode = blankToNull(form.getProvince());
        String cityCode = blankToNull(form.getCity());
        Optional<Division> province = divisions.find(provinceCode).filter(Division::isProvince);
        Optional<Division> city = divisions.find(cityCode).filter(d -> !d.isProvince());
        boolean wrong = false;
        if (provinceCode != null && province.isEmpty() && !result.hasFieldErrors("province")) {
            result.rejectValue("province", "customer.place.unknown");
            wrong = true;
        }
        if (cityCode != null && city.isEmpty() && !result.hasFieldErrors("city")) {
            result.rejectValue("city", "customer.place.unknown");
            wrong = true;
        } else if (city.isPresent() && province.isPresent() && !city.get().provinceCode().equals(provinceCode)) {
            result.rejectValue("city", "customer.city.outsideProvince",
                    new Object[] {province.get().nameIn(LocaleContextHolder.getLocale())}, null);
            wrong = true;
        }
        if (form.getRegion() == null && !wrong && !result.hasFieldErrors("province") && !result.hasFieldErrors("city")
                && !new Place(provinceCode, cityCode).checked().orFrom(blankToNull(form.getAddress())).isKnown()) {
            result.rejectValue("region", "customer.region.orProvince");
        }
    }
}
