package dev.casekeeper.assist.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the assist API takes. Texts longer than {@code casekeeper.assist.max-text-length} are refused too. */
final class AssistRequests {

    private AssistRequests() {}

    record Score(
            @NotBlank @Size(max = 1_000_000) String text,
            @Nullable UUID caseId,
            @Size(max = 35) @Nullable String language) {}

    record NextStepsRequest(
            @NotBlank @Size(max = 2000) String whatHappens,
            @NotBlank @Size(max = 500) String byWhen,
            @NotBlank @Size(max = 2000) String howToCheck) {}

    record Close(
            @NotNull @Valid NextStepsRequest nextSteps,
            @Size(max = 1000) @Nullable String farewell,
            @Nullable Boolean send,
            @Nullable Boolean solve) {}

    record HandOver(
            @Nullable UUID toAgentId,
            @Nullable UUID toTeamId,
            @Size(max = 2000) @Nullable String note) {}
}
