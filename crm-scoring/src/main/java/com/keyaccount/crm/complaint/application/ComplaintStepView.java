package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.StepKind;
import java.time.Instant;

/** One step of a complaint's timeline, with the name of who took it. */
public record ComplaintStepView(StepKind step, String note, String actorName, Instant at) {
}
