package dev.casekeeper.agents;

/** What came of a code: accepted, wrong (or used before), or refused unchecked after too many wrong ones. */
public enum TwoFactorCheck {
    ACCEPTED,
    REFUSED,
    LOCKED
}
