package com.keyaccount.crm.prospect;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A ladder condition the salesperson confirmed for a prospect: on which day, with what note, and whom. */
@Entity
@Table(name = "prospect_tick")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ProspectTick {

    @EmbeddedId
    private Key id;

    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    private String note;

    /** The contact behind a decision-maker condition, else {@code null}. */
    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "ticked_by_id")
    private Long tickedById;

    @Column(name = "ticked_at")
    private Instant tickedAt;

    public ProspectTick(long customerId, String conditionKey, LocalDate confirmedOn, String note, Long contactId,
            long tickedById, Instant tickedAt) {
        this.id = new Key(customerId, conditionKey);
        this.confirmedOn = Objects.requireNonNull(confirmedOn);
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.contactId = contactId;
        this.tickedById = tickedById;
        this.tickedAt = tickedAt;
    }

    public String conditionKey() {
        return id.conditionKey;
    }

    @Embeddable
    @Getter
    @NoArgsConstructor(access = AccessLevel.PROTECTED)
    public static class Key implements Serializable {

        @Column(name = "customer_id")
        private long customerId;

        @Column(name = "condition_key")
        private String conditionKey;

        public Key(long customerId, String conditionKey) {
            this.customerId = customerId;
            this.conditionKey = Objects.requireNonNull(conditionKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.customerId == customerId && k.conditionKey.equals(conditionKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, conditionKey);
        }
    }
}
