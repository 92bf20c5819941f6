package dev.casekeeper.workspace.newcase;

import org.jspecify.annotations.Nullable;

/**
 * The New case page as typed: {@code kind} {@code call} (Log a call) or {@code case} (a plain new
 * case); the customer (phone, email, name); for a call, the case number to add it to (else a new
 * case), its direction, minutes and disposition; for a case, its channel.
 */
public record NewCaseForm(
        @Nullable String kind,
        @Nullable String customerName,
        @Nullable String customerPhone,
        @Nullable String customerEmail,
        @Nullable String caseNumber,
        @Nullable String subject,
        @Nullable String notes,
        @Nullable String direction,
        @Nullable String durationMinutes,
        @Nullable String disposition,
        @Nullable String channel,
        @Nullable String teamId) {

    static NewCaseForm blank(String kind) {
        return new NewCaseForm(kind, "", "", "", "", "", "", "inbound", "", "resolved", "email", "");
    }

    public boolean call() {
        return !"case".equals(kind);
    }

    CustomerPick customer() {
        return new CustomerPick(null, customerName, customerPhone, customerEmail);
    }
}
