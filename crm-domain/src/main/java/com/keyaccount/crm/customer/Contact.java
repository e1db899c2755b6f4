package com.keyaccount.crm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "contact")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    private String name;
    private String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "decision_role")
    private DecisionRole decisionRole;

    private String phone;
    private String email;
    private LocalDate birthday;
    private LocalDate anniversary;

    @Column(name = "birthday_md")
    private Short birthdayMonthDay;

    @Column(name = "anniversary_md")
    private Short anniversaryMonthDay;
    private String notes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    public Contact(Customer customer, ContactDetails details, Instant now) {
        this.customer = Objects.requireNonNull(customer);
        this.createdAt = now;
        update(details);
    }

    public void update(ContactDetails d) {
        this.name = d.name().strip();
        this.title = d.title();
        this.decisionRole = Objects.requireNonNull(d.decisionRole());
        this.phone = d.phone();
        this.email = d.email();
        this.birthday = d.birthday();
        this.anniversary = d.anniversary();
        this.birthdayMonthDay = monthDay(d.birthday());
        this.anniversaryMonthDay = monthDay(d.anniversary());
        this.notes = d.notes();
    }

    /** month * 100 + day: the key "special days this week" looks birthdays up by. */
    public static Short monthDay(LocalDate date) {
        return date == null ? null : (short) (date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    public ContactDetails details() {
        return new ContactDetails(name, title, decisionRole, phone, email, birthday, anniversary, notes);
    }
}
