package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.BulkChange;
import dev.casekeeper.cases.BulkChanges;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One change to many cases, with what happened to each. */
@RestController
class BulkRestController {

    record Bulk(
            @NotBlank String action,
            @NotNull List<UUID> caseIds,
            @Nullable UUID ownerId,
            @Nullable String status,
            @Nullable String priority,
            @Nullable List<String> tags,
            @Nullable UUID targetId,
            @Nullable Boolean blockSender) {}

    record Result(
            UUID caseId,
            boolean changed,
            @Nullable String code,
            @Nullable String detail) {}

    record BulkResponse(int changed, int refused, List<Result> results) {}

    private final BulkChanges bulk;

    BulkRestController(BulkChanges bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/cases/bulk")
    BulkResponse apply(@AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody Bulk request) {
        var change = new BulkChange(
                parse("action", request.action(), v -> BulkChange.Action.valueOf(v.toUpperCase(Locale.ROOT))),
                request.caseIds().stream().map(CaseId::new).toList(),
                request.ownerId() == null ? null : new AgentId(request.ownerId()),
                request.status() == null ? null : parse("status", request.status(), CaseStatus::from),
                request.priority() == null ? null : parse("priority", request.priority(), Priority::from),
                request.tags(),
                request.targetId() == null ? null : new CaseId(request.targetId()),
                Boolean.TRUE.equals(request.blockSender()));
        var outcomes = bulk.apply(change, me);
        int changed =
                (int) outcomes.stream().filter(BulkChange.Outcome::changed).count();
        return new BulkResponse(
                changed,
                outcomes.size() - changed,
                outcomes.stream()
                        .map(o -> new Result(o.caseId().value(), o.changed(), o.code(), o.detail()))
                        .toList());
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid " + field);
        }
    }
}
