package dev.casekeeper.cases;

import java.util.Optional;

/**
 * A rule of another module that may keep a case from being solved or closed (an open promise to
 * the customer). {@link CaseManagement#change} asks every guard, under the case's lock, before it
 * moves a case to {@code solved} or {@code closed}; a refusal changes nothing.
 */
public interface CaseCloseGuard {

    /** Why the case may not be solved or closed now, or empty when nothing stands in the way. */
    Optional<Refusal> refusal(CaseId caseId, CaseStatus target);

    /**
     * @param code a short, stable, kebab-case name of the rule (the problem's {@code code})
     * @param detail what stands in the way, naming it, in words the agent understands
     */
    record Refusal(String code, String detail) {}
}
