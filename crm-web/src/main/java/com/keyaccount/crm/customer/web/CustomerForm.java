package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.web.MoneyField;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import lombok.Getter;
import lombok.Setter;

/** What the customer form posts; separate from the entity so only these fields can be bound. */
@Getter
@Setter
public class CustomerForm {

    static final String PHONE_PATTERN = "^[0-9+()\\- ]*$";

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "^[A-Za-z0-9_.\\-]*$")
    @PlainText
    private String code;

    @NotBlank
    @Size(max = 200)
    @PlainText
    private String name;

    @NotNull
    private Industry industry;

    /** May be left blank when a province is chosen (or named by the address): the province's is taken. */
    private Region region;

    /** Province and city codes of the national list ({@link PlaceFields} checks them). */
    @Size(max = 6)
    private String province;

    @Size(max = 6)
    private String city;

    @DecimalMin("0")
    @Digits(integer = 16, fraction = 2)
    @MoneyField
    private BigDecimal annualSales;

    /** Ticked when the user saw that another customer has this name and saves anyway. */
    private boolean sameNameConfirmed;

    @Min(0)
    @Max(10_000_000)
    private Integer employeeCount;

    @Size(max = 40)
    @Pattern(regexp = PHONE_PATTERN)
    @PlainText
    private String phone;

    @Size(max = 40)
    @Pattern(regexp = PHONE_PATTERN)
    @PlainText
    private String fax;

    @Size(max = 300)
    @PlainText(multiLine = true)
    private String address;

    @NotNull
    private CustomerStatus status = CustomerStatus.ACTIVE;

    @Size(max = 500)
    @PlainText(multiLine = true)
    private String lostReason;

    private boolean longTermAgreement;

    @Size(max = 500)
    @PlainText(multiLine = true)
    private String cooperationIntent;

    @Size(max = 2000)
    @PlainText(multiLine = true)
    private String notes;

    /** Only honoured for directors and admins; the service ignores it for account managers. */
    private Long ownerId;

    /** The version the editor loaded: a save against an older one is a conflict. */
    private long version;

    static CustomerForm of(Customer c) {
        CustomerForm f = new CustomerForm();
        f.code = c.getCode();
        f.name = c.getName();
        f.industry = c.getIndustry();
        f.region = c.getRegion();
        f.annualSales = c.getAnnualSales();
        f.employeeCount = c.getEmployeeCount();
        f.phone = c.getPhone();
        f.fax = c.getFax();
        f.address = c.getAddress();
        f.province = c.place().provinceCode();
        f.city = c.place().cityCode();
        f.status = c.getStatus();
        f.lostReason = c.getLostReason();
        f.longTermAgreement = c.isLongTermAgreement();
        f.cooperationIntent = c.getCooperationIntent();
        f.notes = c.getNotes();
        f.ownerId = c.getOwner().getId();
        f.version = c.getVersion();
        return f;
    }

    boolean lostWithoutReason() {
        return status == CustomerStatus.LOST && (lostReason == null || lostReason.isBlank());
    }

    CustomerProfile toProfile() {
        return new CustomerProfile(code, name, industry, region, annualSales, employeeCount, blankToNull(phone),
                blankToNull(fax), blankToNull(address), status, blankToNull(lostReason), longTermAgreement,
                blankToNull(cooperationIntent), blankToNull(notes), blankToNull(province), blankToNull(city));
    }
}
