package dev.casekeeper.portal;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.feedback.Complaint;
import dev.casekeeper.feedback.Compliment;
import dev.casekeeper.feedback.FeedbackManagement;
import dev.casekeeper.feedback.Rating;
import dev.casekeeper.feedback.RatingSource;
import dev.casekeeper.feedback.Score;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer does about a case after the conversation: mark it solved, reopen it within
 * {@code casekeeper.portal.reopen-period}, rate its solving, compliment or complain. Reached from the
 * signed-in case page (the case found by number among the customer's own) and from a signed rating
 * link (the case named in the link, the customer its requester).
 */
@Service
@Transactional
class PortalFeedback {

    /** What the page offers for a case as it stands now. */
    record Offer(
            boolean maySolve,
            @Nullable Instant reopenUntil,
            boolean reopenOver,
            @Nullable Instant solvedAt,
            @Nullable Rating rating,
            boolean mayRate,
            @Nullable Instant changeableUntil) {}

    private final PortalCases cases;
    private final CaseLookup lookup;
    private final CaseIntake intake;
    private final FeedbackManagement feedback;
    private final PortalLinkSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    PortalFeedback(
            PortalCases cases,
            CaseLookup lookup,
            CaseIntake intake,
            FeedbackManagement feedback,
            PortalLinkSettings settings,
            MessageSource messages,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.intake = intake;
        this.feedback = feedback;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Offer offer(CustomerId customer, long number) {
        return offer(cases.own(customer, number));
    }

    @Transactional(readOnly = true)
    Offer offer(CaseSummary kase) {
        Instant now = clock.instant();
        boolean solved = kase.status() == CaseStatus.SOLVED || kase.status() == CaseStatus.CLOSED;
        Instant solvedAt = solved ? kase.solvedAt() : null;
        Instant reopenUntil = kase.status() == CaseStatus.SOLVED && kase.solvedAt() != null
                ? kase.solvedAt().plus(settings.reopenPeriod())
                : null;
        boolean over = reopenUntil != null && !reopenUntil.isAfter(now);
        Rating rating =
                solvedAt == null ? null : feedback.rating(kase.id(), solvedAt).orElse(null);
        boolean mayRate =
                solvedAt != null && (rating == null || rating.changeableUntil().isAfter(now));
        return new Offer(
                kase.status() != CaseStatus.SOLVED && kase.status() != CaseStatus.CLOSED,
                over ? null : reopenUntil,
                over,
                solvedAt,
                rating,
                mayRate,
                rating == null ? null : rating.changeableUntil());
    }

    void solve(CustomerId customer, long number) {
        intake.solvedByCustomer(cases.own(customer, number).id(), customer);
    }

    void reopen(CustomerId customer, long number) {
        intake.reopenedByCustomer(cases.own(customer, number).id(), customer, settings.reopenPeriod());
    }

    Rating rate(CustomerId customer, long number, Instant solvedAt, Score score, @Nullable String comment) {
        return feedback.rate(cases.own(customer, number).id(), solvedAt, customer, score, comment, RatingSource.PORTAL);
    }

    Compliment compliment(CustomerId customer, long number, String text) {
        return feedback.compliment(cases.own(customer, number).id(), customer, text);
    }

    Complaint complain(CustomerId customer, long number, String text, Locale locale) {
        var kase = cases.own(customer, number);
        return feedback.complain(kase.id(), customer, complaintSubject(kase, locale), text);
    }

    /** The case a signed link names; a case that is gone is not found. */
    @Transactional(readOnly = true)
    CaseSummary linked(CaseId caseId) {
        return lookup.byId(caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
    }

    Rating rate(SignedLinks.Link link, Score score, @Nullable String comment) {
        var kase = linked(link.caseId());
        return feedback.rate(
                kase.id(),
                java.util.Objects.requireNonNull(link.solvedAt()),
                kase.requesterId(),
                score,
                comment,
                "chat".equals(link.via()) ? RatingSource.CHAT : RatingSource.EMAIL);
    }

    Compliment compliment(SignedLinks.Link link, String text) {
        var kase = linked(link.caseId());
        return feedback.compliment(kase.id(), kase.requesterId(), text);
    }

    Complaint complain(SignedLinks.Link link, String text, Locale locale) {
        var kase = linked(link.caseId());
        return feedback.complain(kase.id(), kase.requesterId(), complaintSubject(kase, locale), text);
    }

    private String complaintSubject(CaseSummary kase, Locale locale) {
        return messages.getMessage("portal.complaint.subject", new Object[] {kase.number(), kase.subject()}, locale);
    }
}
