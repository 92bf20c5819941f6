package dev.casekeeper.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the case API takes. */
final class CaseRequests {

    private CaseRequests() {}

    record Requester(
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 200) @Nullable String name) {}

    record Message(
            @NotBlank @Size(max = 200_000) String body,
            @Size(max = 1_000_000) @Nullable String html) {}

    record CreateCase(
            @NotBlank @Size(max = 500) String subject,
            @NotNull @Valid Requester requester,
            @NotNull @Valid Message message,
            @Nullable String priority,
            @Nullable String channel,
            @Size(max = 30) @Nullable List<String> tags,
            @Nullable UUID teamId,
            @Size(max = 100) @Nullable Map<String, @Nullable Object> customFields) {}

    record Reply(
            @NotBlank @Size(max = 200_000) String body,
            @Size(max = 1_000_000) @Nullable String html) {}

    record Note(@NotBlank @Size(max = 200_000) String body) {}

    record Change(
            @Nullable String status,
            @Nullable String priority,
            @Size(max = 30) @Nullable List<String> tags) {}

    record Assignment(@NotNull UUID ownerId) {}

    record Transfer(
            @Nullable UUID toAgentId,
            @Nullable UUID toTeamId,
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 20_000) String summary) {}
}
