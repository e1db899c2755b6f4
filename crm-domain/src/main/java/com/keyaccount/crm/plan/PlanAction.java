package com.keyaccount.crm.plan;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.user.AppUser;
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
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An action of a plan; written only through its plan. */
@Entity
@Table(name = "account_plan_action")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PlanAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private AccountPlan plan;

    private int position;

    private String description;

    @jakarta.persistence.Column(name = "due_on")
    private LocalDate dueOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private AppUser owner;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Channel channel;

    PlanAction(AccountPlan plan, int position, PlanContent.Action action) {
        this.plan = plan;
        this.position = position;
        this.description = action.description();
        this.dueOn = action.dueOn();
        this.owner = action.owner();
        this.channel = action.channel();
    }
}
