package dev.casekeeper.portal;

import dev.casekeeper.feedback.Rating;
import dev.casekeeper.feedback.Score;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.Slice;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer's own API, signed in to the portal's session: her cases with their public timeline,
 * replying, marking solved, reopening and rating. The same rules as the portal's pages (PortalCases,
 * PortalFeedback): a case of someone else is not found, whatever its number.
 */
@RestController
@RequestMapping("/api/portal/v1/cases")
@Tag(name = "Customer portal", description = "The signed-in customer's own cases (portal session)")
class PortalCasesRestController {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    /** A case as the customer sees it in her list. */
    record CaseItem(
            long number,
            String subject,
            String status,
            String statusText,
            @Nullable String ownerFirstName,
            Instant updatedAt,
            List<PortalCases.Promise> promises) {}

    /** One message of the public timeline: {@code from} is {@code you} or {@code agent}. */
    record MessageItem(String from, @Nullable String agentFirstName, String text, Instant at, List<FileItem> files) {}

    /** A file she attached, and where she downloads it (with the portal's session). */
    record FileItem(String filename, String contentType, long size, String url) {}

    /** What she may do with the case now. */
    record Actions(
            boolean maySolve,
            @Nullable Instant reopenUntil,
            @Nullable Instant solvedAt,
            boolean mayRate,
            @Nullable RatingItem rating) {}

    record RatingItem(String score, @Nullable String comment, Instant solvedAt, Instant changeableUntil) {}

    record CaseView(CaseItem summary, List<MessageItem> messages, Actions actions) {}

    record ReplyBody(@Nullable String body) {}

    /** The number of the case the reply landed on: a new, linked one when the case was closed. */
    record ReplyPosted(long number, boolean followUp) {}

    record RatingBody(@Nullable String score, @Nullable String comment) {}

    private final PortalCases cases;
    private final PortalFeedback feedback;
    private final MessageSource messages;

    PortalCasesRestController(PortalCases cases, PortalFeedback feedback, MessageSource messages) {
        this.cases = cases;
        this.feedback = feedback;
        this.messages = messages;
    }

    /** Her cases from every channel, newest first; {@code nextCursor} fetches the next page. */
    @GetMapping
    Slice<CaseItem> list(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var page = cases.mine(customer.id(), cursor, limit);
        return new Slice<>(page.items().stream().map(row -> item(row, locale)).toList(), page.nextCursor());
    }

    @GetMapping("/{number}")
    CaseView get(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, Locale locale) {
        return view(customer, number, locale);
    }

    /**
     * The same with files, as a multipart form: the text in {@code body}, each file in a
     * {@code files} part (at most 5 of 10 MB; pictures, PDF, text, office documents, by their bytes).
     */
    @PostMapping(path = "/{number}/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReplyPosted> replyWithFiles(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files)
            throws IOException {
        // A refused file is a FileRefused: 400 with the reason under "files", nothing stored.
        long landed = cases.reply(customer.id(), number, body, MyRequestsController.uploads(files));
        return ResponseEntity.created(URI.create("/api/portal/v1/cases/" + landed))
                .body(new ReplyPosted(landed, landed != number));
    }

    @PostMapping(path = "/{number}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplyPosted> reply(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, @RequestBody ReplyBody body) {
        long landed = cases.reply(customer.id(), number, body.body() == null ? "" : body.body());
        return ResponseEntity.created(URI.create("/api/portal/v1/cases/" + landed))
                .body(new ReplyPosted(landed, landed != number));
    }

    /** She is the authority on whether her problem is solved; a solved or closed case stays as it is. */
    @PostMapping("/{number}/solve")
    CaseView solve(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, Locale locale) {
        feedback.solve(customer.id(), number);
        return view(customer, number, locale);
    }

    @PostMapping("/{number}/reopen")
    CaseView reopen(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, Locale locale) {
        feedback.reopen(customer.id(), number);
        return view(customer, number, locale);
    }

    /** Rates the case's latest solve; changeable for a while, then final. */
    @PutMapping("/{number}/rating")
    RatingItem rate(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, @RequestBody RatingBody body) {
        var offer = feedback.offer(customer.id(), number);
        if (offer.solvedAt() == null) {
            throw new ConflictException(
                    "not-solved", "The case #" + number + " is not solved: there is nothing to rate");
        }
        var score = Score.from(body.score() == null ? "" : body.score());
        return rating(feedback.rate(customer.id(), number, offer.solvedAt(), score, body.comment()));
    }

    private CaseView view(PortalCustomer customer, long number, Locale locale) {
        var page = cases.page(customer.id(), number);
        var offer = feedback.offer(customer.id(), number);
        return new CaseView(
                item(page.row(), locale),
                page.messages().stream()
                        .map(m -> new MessageItem(
                                m.fromCustomer() ? "you" : "agent",
                                m.agentFirstName(),
                                m.text(),
                                m.at(),
                                m.files().stream()
                                        .map(f -> new FileItem(
                                                f.filename(),
                                                f.contentType(),
                                                f.size(),
                                                "/portal/attachments/" + f.id()))
                                        .toList()))
                        .toList(),
                new Actions(
                        offer.maySolve(),
                        offer.reopenUntil(),
                        offer.solvedAt(),
                        offer.mayRate(),
                        offer.rating() == null ? null : rating(offer.rating())));
    }

    private CaseItem item(PortalCases.Row row, Locale locale) {
        return new CaseItem(
                row.number(),
                row.subject(),
                row.status().value(),
                messages.getMessage(row.statusKey(), null, locale),
                row.ownerFirstName(),
                row.updatedAt(),
                row.promises());
    }

    private static RatingItem rating(Rating rating) {
        return new RatingItem(rating.score().value(), rating.comment(), rating.solvedAt(), rating.changeableUntil());
    }
}
