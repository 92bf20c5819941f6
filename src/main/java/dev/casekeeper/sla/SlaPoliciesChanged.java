package dev.casekeeper.sla;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A policy or calendar was created, changed or removed: open cases' clocks are worked out again. */
@NamedInterface("events")
public record SlaPoliciesChanged(String what, Instant at) {}
