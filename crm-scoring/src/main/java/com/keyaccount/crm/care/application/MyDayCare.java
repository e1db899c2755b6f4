package com.keyaccount.crm.care.application;

import com.keyaccount.crm.lost.application.CustomerLoss;
import com.keyaccount.crm.lost.application.LostCustomers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The care part of My day: the assignee's care tasks still to do and the lost-customer
 * interviews not yet held. The first read of a day on a server makes that day's tasks (the
 * nightly job usually has), so a server started after the job still shows them ({@link #catchUp()}).
 */
@Service
public class MyDayCare {

    private final CareTaskMaker maker;
    private final CareTasks tasks;
    private final LostCustomers lost;
    private final OncePerDay daily = new OncePerDay();

    MyDayCare(CareTaskMaker maker, CareTasks tasks, LostCustomers lost) {
        this.maker = maker;
        this.tasks = tasks;
        this.lost = lost;
    }

    public record View(LocalDate today, CareTasks.Due tasks, List<CustomerLoss> interviews) {
    }

    /**
     * The day's writes, at most once a day per server: the care tasks due (the nightly job usually
     * made them) and the losses recorded elsewhere. Before the page's reads, which share one
     * read-only transaction; after the first call of a day this touches no connection.
     */
    public void catchUp() {
        daily.run(maker.today(), () -> {
            maker.makeDueOncePerDay();
            lost.catchUp();
        });
    }

    /** The assignee's care tasks and interviews due; reads only ({@link #catchUp()} writes). */
    public View of(long assigneeId) {
        return new View(maker.today(), tasks.dueFor(assigneeId), lost.interviewsDue(assigneeId));
    }
}
