package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseId;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A customer message asked for a supervisor ("I want to talk to someone who will actually help me").
 * Published once for every such message, whether or not the case is heated already, so the request
 * reaches the supervisors' queue each time it is made.
 *
 * @param entryId the customer's message
 * @param supervisorsAlerted whether this message also turned the case heated, so its supervisors were
 *     just told (see {@link CaseHeated}); when false, nobody has been told of this request yet
 */
@NamedInterface("events")
public record SupervisorAskedFor(CaseId caseId, UUID entryId, boolean supervisorsAlerted) {}
