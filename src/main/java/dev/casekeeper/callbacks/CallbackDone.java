package dev.casekeeper.callbacks;

import dev.casekeeper.cases.CaseId;
import org.springframework.modulith.NamedInterface;

/** A callback task was done (the customer was reached, a message was left, or the team gave up trying). */
@NamedInterface("events")
public record CallbackDone(CallbackId callbackId, CaseId caseId, Callback.Outcome outcome) {}
