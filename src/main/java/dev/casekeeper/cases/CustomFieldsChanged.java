package dev.casekeeper.cases;

import org.springframework.modulith.NamedInterface;

/**
 * Values of a case's custom fields changed (set or cleared), in the transaction that changed them:
 * what depends on them (an SLA policy matching on a field) is worked out again.
 */
@NamedInterface("events")
public record CustomFieldsChanged(CaseId caseId) {}
