package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Division;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The optional place cells of a customer line (issue 19): {@code province} and {@code city} as
 * the export writes them or as people type them — 江苏省, 江苏, Jiangsu, or the code; a city
 * alone is enough when only one city on the national list answers to it.
 */
final class PlaceCells {

    static final String PROVINCE = "province";
    static final String CITY = "city";

    private PlaceCells() {
    }

    /** The place the cells name ({@link Place#NONE} when both are empty or wrong, the error reported). */
    static Place parse(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        ChinaDivisions divisions = ChinaDivisions.get();
        String provinceText = Cells.present(lineNo, cells, PROVINCE, false, errors);
        String cityText = Cells.present(lineNo, cells, CITY, false, errors);
        Optional<Division> province = Optional.empty();
        if (provinceText != null) {
            province = divisions.provinceNamed(provinceText);
            if (province.isEmpty()) {
                errors.accept(new LineError(lineNo, PROVINCE, provinceText, Reason.UNKNOWN_VALUE, null));
                return Place.NONE;
            }
        }
        if (cityText == null) {
            return province.map(p -> new Place(p.code(), null)).orElse(Place.NONE);
        }
        String provinceCode = province.map(Division::code).orElse(null);
        Optional<Division> city = divisions.cityNamed(cityText, provinceCode);
        if (city.isPresent()) {
            return new Place(city.get().provinceCode(), city.get().code());
        }
        boolean elsewhere = provinceCode != null && divisions.cityNamed(cityText, null).isPresent();
        errors.accept(new LineError(lineNo, CITY, cityText, elsewhere ? Reason.CITY_OUTSIDE_PROVINCE : Reason.UNKNOWN_VALUE,
                province.map(Division::name).orElse(null)));
        return Place.NONE;
    }
}
