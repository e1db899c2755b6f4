package com.keyaccount.crm.contactlog;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.user.AppUser;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded interaction (拜访 / 沟通记录). Logs are facts: once written they do not change. */
@Entity
@Immutable
@Table(name = "contact_log")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ContactLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private AppUser author;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Channel channel;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String summary;
    private String outcome;

    @Column(name = "next_step")
    private String nextStep;

    @Column(name = "agreed_next_on")
    private LocalDate agreedNextOn;

    @Column(name = "submission_token")
    private String submissionToken;

    @Column(name = "created_at")
    private Instant createdAt;

    public ContactLog(Customer customer, AppUser author, LogContactCommand cmd, Instant now) {
        if (cmd.summary() == null || cmd.summary().isBlank()) {
            throw new IllegalArgumentException("a contact log needs a summary");
        }
        this.customer = Objects.requireNonNull(customer);
        this.author = Objects.requireNonNull(author);
        this.channel = Objects.requireNonNull(cmd.channel());
        this.occurredAt = Objects.requireNonNull(cmd.occurredAt());
        this.summary = cmd.summary().strip();
        this.outcome = cmd.outcome();
        this.nextStep = cmd.nextStep();
        this.agreedNextOn = cmd.agreedNextOn();
        this.submissionToken = Objects.requireNonNull(cmd.submissionToken());
        this.createdAt = now;
    }
}
