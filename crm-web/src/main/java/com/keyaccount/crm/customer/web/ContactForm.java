package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.FormText.blankToNull;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

@Getter
@Setter
public class ContactForm {

    @NotBlank
    @Size(max = 100)
    @PlainText
    private String name;

    @Size(max = 100)
    @PlainText
    private String title;

    @NotNull
    private DecisionRole decisionRole;

    @Size(max = 40)
    @Pattern(regexp = CustomerForm.PHONE_PATTERN)
    @PlainText
    private String phone;

    @Size(max = 200)
    @Email
    @PlainText
    private String email;

    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;

    @PastOrPresent
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate anniversary;

    @Size(max = 1000)
    @PlainText(multiLine = true)
    private String notes;

    /** The version the editor loaded: a save against an older one is a conflict. */
    private long version;

    static ContactForm of(Contact c) {
        ContactForm f = new ContactForm();
        f.name = c.getName();
        f.title = c.getTitle();
        f.decisionRole = c.getDecisionRole();
        f.phone = c.getPhone();
        f.email = c.getEmail();
        f.birthday = c.getBirthday();
        f.anniversary = c.getAnniversary();
        f.notes = c.getNotes();
        f.version = c.getVersion();
        return f;
    }

    ContactDetails toDetails() {
        return new ContactDetails(name, blankToNull(title), decisionRole,
                blankToNull(phone), blankToNull(email), birthday, anniversary,
                blankToNull(notes));
    }
}
