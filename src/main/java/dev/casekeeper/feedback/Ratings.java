package dev.casekeeper.feedback;

import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rating a solve: one answer per case per solve (the time it was solved), changeable for
 * {@code casekeeper.feedback.rating-change-period} after the first answer; each answer is recorded on
 * the case as done by the customer and its owner is told. Two answers at once (two clicks) end as one
 * rating, the later one a change of it.
 */
@Component
class Ratings {

    static final String RATED = "satisfaction_rated";
    private static final Logger log = LoggerFactory.getLogger(Ratings.class);

    private final RatingQueries ratings;
    private final CaseManagement cases;
    private final NotificationManagement notifications;
    private final FeedbackSettings settings;
    private final Clock clock;

    Ratings(
            RatingQueries ratings,
            CaseManagement cases,
            NotificationManagement notifications,
            FeedbackSettings settings,
            Clock clock) {
        this.ratings = ratings;
        this.cases = cases;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    Rating rate(
            CaseSummary kase,
            Instant solvedAt,
            CustomerId customer,
            Score score,
            @Nullable String comment,
            RatingSource source) {
        String text = FeedbackManagement.optional(comment, "comment", FeedbackManagement.MAX_COMMENT);
        var caseId = kase.id();
        Instant solve = FeedbackManagement.micros(solvedAt);
        if ((kase.status() != CaseStatus.SOLVED && kase.status() != CaseStatus.CLOSED)
                || kase.solvedAt() == null
                || !FeedbackManagement.micros(kase.solvedAt()).equals(solve)) {
            throw new ConflictException(
                    "not-solved", "Case " + kase.number() + " is not solved as it was when this rating was asked for");
        }
        Instant now = clock.instant();
        var existing = ratings.lock(caseId.value(), solve, settings.ratingChangePeriod());
        if (existing.isEmpty()) {
            var rating = new Rating(
                    UUID.randomUUID(),
                    caseId,
                    kase.number(),
                    solve,
                    customer,
                    kase.ownerId(),
                    kase.teamId(),
                    score,
                    text,
                    source,
                    now,
                    now,
                    now.plus(settings.ratingChangePeriod()));
            if (ratings.insert(rating)) {
                recorded(kase, rating, false);
                return rating;
            }
            // Rated a moment ago by another request (two clicks): this one changes that answer.
            existing = ratings.lock(caseId.value(), solve, settings.ratingChangePeriod());
        }
        var before = existing.orElseThrow();
        if (now.isAfter(before.changeableUntil())) {
            throw new ConflictException(
                    "rating-final", "The rating of case " + kase.number() + " can no longer be changed");
        }
        if (before.score() == score && Objects.equals(before.comment(), text)) {
            return before;
        }
        ratings.change(before.id(), score, text, source, now);
        var changed = new Rating(
                before.id(),
                caseId,
                before.caseNumber(),
                solve,
                customer,
                before.ownerId(),
                before.teamId(),
                score,
                text,
                source,
                before.createdAt(),
                now,
                before.changeableUntil());
        recorded(kase, changed, true);
        return changed;
    }

    private void recorded(CaseSummary kase, Rating rating, boolean changed) {
        cases.recordEvent(
                kase.id(),
                Actor.customer(rating.customerId().value()),
                new TimelineEvent.SatisfactionRated(
                        rating.score().value(),
                        rating.comment(),
                        rating.source().value(),
                        changed));
        if (kase.ownerId() != null) {
            notifications.notify(Notify.of(
                    List.of(kase.ownerId()),
                    RATED,
                    kase.id().value(),
                    "Case #%d \"%s\": the customer rated it %s%s"
                            .formatted(
                                    kase.number(),
                                    kase.subject(),
                                    rating.score().value(),
                                    rating.comment() == null
                                            ? ""
                                            : ": “" + FeedbackManagement.shortened(rating.comment()) + "”"),
                    notificationKeyPrefix(rating.id()) + rating.updatedAt().toEpochMilli()));
        }
        log.info(
                "Case {} rated {} ({}) through {}",
                kase.id(),
                rating.score().value(),
                changed ? "changed" : "new",
                rating.source().value());
    }

    /** The start of the keys the owner was told of each answer to this rating under. */
    static String notificationKeyPrefix(UUID ratingId) {
        return "csat:" + ratingId + ":";
    }
}
