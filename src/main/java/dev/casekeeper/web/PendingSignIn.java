package dev.casekeeper.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * In the session between a right password and the code: whose password it was and when. Nothing
 * else in the session counts as signed in until the code is right.
 */
record PendingSignIn(UUID agentId, Instant passwordCheckedAt) implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();
}
