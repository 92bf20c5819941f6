package dev.casekeeper.cases;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A customer message was added to a case. {@code statusBefore} is the case's status when the message
 * arrived (a solved, pending or on-hold case opens again with it); null when the message opened the
 * case. Listeners use it to skip what cannot apply; what they record they read from the case.
 */
@NamedInterface("events")
public record MessageReceived(
        CaseId caseId, UUID entryId, @Nullable CaseStatus statusBefore) {}
