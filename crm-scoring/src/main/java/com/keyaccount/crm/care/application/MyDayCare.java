package com.keyaccount.crm.care.application;

import com.keyaccount.crm.lost.application.CustomerLoss;
import com.keyaccount.crm.lost.application.LostCustomers;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * The care part of My day: the assignee's care tasks still to do and the lost-customer
 * interviews not yet held. The first read of a day on a server makes that day's tasks (the
 * nightly job usually has), so a server started after the job still shows them.
 */
@Service
public class MyDayCare {

    private final CareTaskMaker maker;
    private final CareTasks tasks;
    private final LostCustomers lost;
    private final AtomicReference<LocalDate> caughtUpOn = new AtomicReference<>();

    MyDayCare(CareTaskMaker maker, CareTasks tasks, LostCustomers lost) {
        this.maker = maker;
        this.tasks = tasks;
        this.lost = lost;
    }

    public record View(LocalDate today, CareTasks.Due tasks, List<CustomerLoss> interviews) {
    }

    public View of(long assigneeId) {
        maker.makeDueOncePerDay();
        LocalDate today = maker.today();
        if (!today.equals(caughtUpOn.get())) {
            lost.catchUp();
            caughtUpOn.set(today);
        }
        return new View(today, tasks.dueFor(assigneeId), lost.interviewsDue(assigneeId));
    }
}
