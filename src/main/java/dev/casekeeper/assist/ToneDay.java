package dev.casekeeper.assist;

import java.time.LocalDate;

/**
 * The tone checks of some agents' sent replies on one day: how many replies were checked and how
 * many findings they had, for a coaching trend.
 */
public record ToneDay(LocalDate day, long checkedReplies, long findings) {}
