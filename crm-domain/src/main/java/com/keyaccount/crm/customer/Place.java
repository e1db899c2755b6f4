package com.keyaccount.crm.customer;

import java.util.Set;

/**
 * Where a customer is: a province and a prefecture-level city of {@link ChinaDivisions}, by code.
 * Either may be unknown (null); a city always lies in the province.
 */
public record Place(String provinceCode, String cityCode) {

    public static final Place NONE = new Place(null, null);

    /** The names its two parts go by in a customer's profile, its audit rows and its files: codes to show by name. */
    public static final Set<String> FIELDS = Set.of("province", "city");

    public boolean isKnown() {
        return provinceCode != null;
    }

    /**
     * The place with the province filled in from the city, and both checked against the national
     * list.
     *
     * @throws IllegalArgumentException a code that is not on the list, or a city of another province
     */
    public Place checked() {
        ChinaDivisions divisions = ChinaDivisions.get();
        if (cityCode == null) {
            return provinceCode == null ? NONE : new Place(divisions.province(provinceCode).code(), null);
        }
        Division city = divisions.city(cityCode);
        if (provinceCode != null && !provinceCode.equals(city.provinceCode())) {
            throw new IllegalArgumentException("city " + cityCode + " is not in province " + provinceCode);
        }
        return new Place(city.provinceCode(), city.code());
    }

    /**
     * This (checked) place, or where none is given the one the address names; a province without
     * a city takes the address's city when the address lies in that province.
     */
    public Place orFrom(String address) {
        Place ofAddress = ChinaDivisions.get().placeOf(address);
        if (!isKnown()) {
            return ofAddress;
        }
        return cityCode == null && provinceCode.equals(ofAddress.provinceCode()) ? ofAddress : this;
    }
}
