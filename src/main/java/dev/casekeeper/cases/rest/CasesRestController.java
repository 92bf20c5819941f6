package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.OpenCase;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The case API: open, list, read, reply, note, change, assign, transfer. */
@RestController
@RequestMapping("/api/v1/cases")
class CasesRestController {

    record CasePage(List<CaseResponse> items, @Nullable String nextCursor) {}

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final CaseIntake intake;
    private final EntryResponses entries;
    private final CustomFields customFields;

    CasesRestController(
            CaseManagement cases,
            CaseLookup lookup,
            CaseIntake intake,
            EntryResponses entries,
            CustomFields customFields) {
        this.cases = cases;
        this.lookup = lookup;
        this.intake = intake;
        this.entries = entries;
        this.customFields = customFields;
    }

    @PostMapping
    ResponseEntity<CaseResponse> open(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @Valid @RequestBody CaseRequests.CreateCase request) {
        // Checked here rather than with @Size, so the problem names the header, not this parameter.
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
        }
        var command = new OpenCase(
                request.subject(),
                request.requester().email(),
                request.requester().name(),
                request.message().body(),
                request.message().html(),
                request.channel() == null ? Channel.API : parse("channel", request.channel(), Channel::from),
                request.priority() == null ? Priority.NORMAL : parse("priority", request.priority(), Priority::from),
                request.tags() == null ? List.of() : request.tags(),
                request.teamId() == null ? null : new TeamId(request.teamId()));
        // Checked before the case exists, so a value of the wrong type opens nothing.
        var fields = customFields.check(request.customFields(), command.teamId());
        var summary = cases.open(command, me, key);
        customFields.store(summary.id(), fields, me);
        var opened = response(summary, me);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
                .body(opened);
    }

    @GetMapping
    CasePage list(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable UUID teamId,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable UUID requesterId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            @RequestParam Map<String, String> parameters) {
        var filter = new CaseFilter(
                status == null ? null : parse("status", status, CaseStatus::from),
                ownerId == null ? null : new AgentId(ownerId),
                teamId == null ? null : new TeamId(teamId),
                tag,
                requesterId == null ? null : new CustomerId(requesterId),
                q,
                customFields.filter(parameters));
        var page = lookup.list(filter, me, cursor, limit);
        return new CasePage(page.items().stream().map(c -> response(c, me)).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    CaseDetailResponse find(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var detail = lookup.find(new CaseId(id), me);
        return entries.detail(detail, response(detail.summary(), me));
    }

    @PostMapping("/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetailResponse.EntryResponse reply(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Reply request) {
        return entries.of(cases.reply(new CaseId(id), request.body(), request.html(), me));
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetailResponse.EntryResponse note(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Note request) {
        return entries.of(cases.note(new CaseId(id), request.body(), me));
    }

    /** A message from the customer, recorded by an integration (channels record theirs themselves). */
    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    CaseResponse receive(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Message request) {
        lookup.find(new CaseId(id), me);
        var message = InboundMessage.forCase(new CaseId(id), request.body(), Channel.API, me.actor())
                .withHtml(request.html());
        return response(intake.receive(message, Sender.requester()).summary(), me);
    }

    @PatchMapping("/{id}")
    CaseResponse change(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Change request) {
        var change = new ChangeCase(
                request.status() == null ? null : parse("status", request.status(), CaseStatus::from),
                request.priority() == null ? null : parse("priority", request.priority(), Priority::from),
                request.tags());
        return response(cases.change(new CaseId(id), change, me), me);
    }

    @PostMapping("/{id}/assignment")
    CaseResponse assign(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Assignment request) {
        return response(cases.assign(new CaseId(id), new AgentId(request.ownerId()), me), me);
    }

    @PostMapping("/{id}/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetailResponse transfer(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody CaseRequests.Transfer request) {
        var transfer = new TransferCase(
                request.toAgentId() == null ? null : new AgentId(request.toAgentId()),
                request.toTeamId() == null ? null : new TeamId(request.toTeamId()),
                request.reason(),
                request.summary());
        var transferred = cases.transfer(new CaseId(id), transfer, me);
        return entries.detail(transferred, response(transferred.summary(), me));
    }

    @GetMapping("/{id}/owners")
    List<OwnerChangeResponse> owners(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return lookup.owners(new CaseId(id), me).stream()
                .map(OwnerChangeResponse::of)
                .toList();
    }

    @GetMapping("/{id}/history")
    List<OwnerChangeResponse.ChangeResponse> history(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return lookup.history(new CaseId(id), me).stream()
                .map(OwnerChangeResponse.ChangeResponse::of)
                .toList();
    }

    /**
     * The case as the caller may see it: the closed case a follow-up continues is named only to who may
     * open it; to anyone else (the follow-up moved to their team) it answers 404, and its id is left out.
     */
    private CaseResponse response(CaseSummary kase, SignedInAgent me) {
        var response = CaseResponse.of(kase);
        return kase.followUpOf() == null || lookup.visibleTo(kase.followUpOf(), me)
                ? response
                : response.withoutFollowUpOf();
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid " + field);
        }
    }
}
