package dev.casekeeper.routing;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the agents working it see it: the contact, its hold now (if on hold), how often and
 * how long it was held, how often it was transferred, who is on it, and colleagues invited but not yet joined.
 */
public record LiveContact(
        Contact contact,
        @Nullable Hold hold,
        int holdCount,
        Duration heldTotal,
        int transfers,
        List<Participant> participants,
        List<Invitation> invitations) {}
