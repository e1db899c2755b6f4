package com.keyaccount.crm.care.application;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The care card of a customer's page: this year's budget and spending, and its latest tasks. */
@Service
@Transactional(readOnly = true)
public class CustomerCareCard {

    static final int TASKS = 10;

    private final CareSpending spending;
    private final CareTasks tasks;

    CustomerCareCard(CareSpending spending, CareTasks tasks) {
        this.spending = spending;
        this.tasks = tasks;
    }

    public record Card(int year, CareSpending.CustomerYear budget, List<CareTask> tasks) {
    }

    /** For a customer the caller has already checked the viewer may see. */
    public Card of(long customerId, int year) {
        return new Card(year, spending.customer(customerId, year), tasks.ofCustomer(customerId, TASKS));
    }
}
