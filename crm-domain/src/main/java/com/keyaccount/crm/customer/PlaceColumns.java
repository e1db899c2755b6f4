package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.AccessLevel;
import lombok.NoArgsConstructor;

/**
 * How a customer keeps its {@link Place}: the two codes in their columns. Hibernate leaves the
 * part null when both are, which {@link Customer#place()} reads as {@link Place#NONE}.
 */
@Embeddable
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class PlaceColumns {

    @Column(name = "province_code")
    private String provinceCode;

    @Column(name = "city_code")
    private String cityCode;

    PlaceColumns(Place place) {
        this.provinceCode = place.provinceCode();
        this.cityCode = place.cityCode();
    }

    Place place() {
        return new Place(provinceCode, cityCode);
    }
}
