package dev.casekeeper.sla;

import java.time.Instant;

/** A policy or calendar was created, changed or removed: open cases' clocks are worked out again. */
public record SlaPoliciesChanged(String what, Instant at) {}
