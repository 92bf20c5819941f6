package dev.casekeeper.actions;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An action proposed on a case, with the case's number and subject (what an approver reads first),
 * who proposed (an agent, or an automation: then {@code proposedBy} is null and {@code proposedByName}
 * names it) and who decided, and what it came to: {@code result} is the company's system's answer
 * or what the agent recorded by hand; {@code declineReason} why an approver said no.
 */
public record Action(
        UUID id,
        UUID typeId,
        String typeName,
        ActionKind kind,
        CaseId caseId,
        long caseNumber,
        String caseSubject,
        @Nullable TeamId teamId,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        Map<String, String> fields,
        @Nullable String note,
        ActionState state,
        @JsonSerialize(using = RoleValue.class) @Nullable Role approverRole,
        boolean manual,
        @Nullable AgentId proposedBy,
        String proposedByName,
        Instant proposedAt,
        @Nullable AgentId decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String declineReason,
        @Nullable String result,
        @Nullable Instant finishedAt) {

    /** "Refund" or "Refund of 34.99 EUR", as the timeline and the notifications name it. */
    public String title() {
        return title(typeName, amount, currency);
    }

    /** The amount with its currency, or null without one. */
    public @Nullable String amountText() {
        return amountText(amount, currency);
    }

    static String title(String typeName, @Nullable BigDecimal amount, @Nullable String currency) {
        var amountText = amountText(amount, currency);
        return amountText == null ? typeName : typeName + " of " + amountText;
    }

    private static @Nullable String amountText(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return null;
        }
        return currency == null ? amount.toPlainString() : amount.toPlainString() + " " + currency;
    }

    /** How long it has waited for an approval by {@code now} (zero once decided). */
    public Duration waiting(Instant now) {
        return state == ActionState.AWAITING_APPROVAL ? Duration.between(proposedAt, now) : Duration.ZERO;
    }

    /** The same action with its proposer's name, which the rows do not keep. */
    Action withProposerName(String name) {
        return new Action(
                id,
                typeId,
                typeName,
                kind,
                caseId,
                caseNumber,
                caseSubject,
                teamId,
                amount,
                currency,
                fields,
                note,
                state,
                approverRole,
                manual,
                proposedBy,
                name,
                proposedAt,
                decidedBy,
                decidedAt,
                declineReason,
                result,
                finishedAt);
    }
}
