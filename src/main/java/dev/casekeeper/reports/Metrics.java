package dev.casekeeper.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one period (or of the whole report, {@code period} null). Times are in seconds,
 * calendar time, except the {@code *Business*} ones: open time of the calendar of each case's SLA
 * policy. Medians and 90th percentiles are exact, over the cases or contacts of the period.
 *
 * <p>Frustration (assist's score, 0 to 100) belongs to the cases created in the period that have a
 * scored customer message ({@code frustrationScored}): the mean score of their first customer message
 * and of their latest, and how many ended calmer or more frustrated than they started. Heated cases
 * are the cases that first became heated in the period; the time until a supervisor joined counts
 * those a supervisor joined, {@code heatedWithoutSupervisor} the others (so far).
 */
record Metrics(
        @Nullable LocalDate period,
        long created,
        long solved,
        long reopened,
        @Nullable Double firstResponseMedian,
        @Nullable Double firstResponseP90,
        @Nullable Double resolutionMedian,
        @Nullable Double resolutionP90,
        @Nullable Double firstResponseBusinessMedian,
        @Nullable Double firstResponseBusinessP90,
        @Nullable Double resolutionBusinessMedian,
        @Nullable Double resolutionBusinessP90,
        long transfers,
        long transferredMoreThanOnce,
        long contacts,
        @Nullable Double handleMedian,
        @Nullable Double handleP90,
        long holds,
        long holdSeconds,
        long holdsOverLimit,
        long abandoned,
        @Nullable Double abandonedWaitMedian,
        long firstResponseMet,
        long firstResponseBreached,
        long nextResponseBreached,
        long resolutionMet,
        long resolutionBreached,
        long promises,
        long promisesKeptOnTime,
        long callbacks,
        long callbacksOnTime,
        long ratingsGood,
        long ratingsOkay,
        long ratingsBad,
        long compliments,
        long complaints,
        long repeatContacts,
        long frustrationScored,
        @Nullable Double frustrationFirstMean,
        @Nullable Double frustrationLastMean,
        long endedCalmer,
        long endedMoreFrustrated,
        long heated,
        @Nullable Double supervisorJoinMedian,
        @Nullable Double supervisorJoinP90,
        long heatedWithoutSupervisor) {

    /** Transfers per case created in the period. */
    @JsonProperty
    @Nullable
    public Double transfersPerCase() {
        return created == 0 ? null : (double) transfers / created;
    }

    /** Abandoned contacts in every live contact that ended waiting or answered. */
    @JsonProperty
    @Nullable
    public Double abandonmentRate() {
        return contacts + abandoned == 0 ? null : (double) abandoned / (contacts + abandoned);
    }

    /** Seconds on hold per answered live contact. */
    @JsonProperty
    @Nullable
    public Double holdPerContact() {
        return contacts == 0 ? null : (double) holdSeconds / contacts;
    }

    /** Share of ratings that are good (CSAT). */
    @JsonProperty
    @Nullable
    public Double csat() {
        long all = ratingsGood + ratingsOkay + ratingsBad;
        return all == 0 ? null : (double) ratingsGood / all;
    }

    @JsonProperty
    @Nullable
    public Double promisesKeptShare() {
        return promises == 0 ? null : (double) promisesKeptOnTime / promises;
    }

    @JsonProperty
    @Nullable
    public Double callbacksOnTimeShare() {
        return callbacks == 0 ? null : (double) callbacksOnTime / callbacks;
    }
}
