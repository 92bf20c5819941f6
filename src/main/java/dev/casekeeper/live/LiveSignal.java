package dev.casekeeper.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What crosses the nodes: that a case changed (with the teams and owners it had before and after,
 * to decide who may hear of it), that presence on a case changed, or that an agent's sign-ins
 * ended. Only ids and numbers, never content: each page loads what it shows itself.
 */
record LiveSignal(
        String type,
        @Nullable UUID caseId,
        long number,
        List<UUID> teamIds,
        List<UUID> ownerIds,
        boolean teamless,
        @Nullable UUID agentId) {

    static final String CASE = "case";
    static final String PRESENCE = "presence";
    static final String SIGNED_OUT = "signed-out";
    static final String NOTIFICATION = "notification";
    static final String ROUTING = "routing";
    static final String QUEUES = "queues";
    static final String CONTACT = "contact";

    static LiveSignal presence(UUID caseId, long number) {
        return new LiveSignal(PRESENCE, caseId, number, List.of(), List.of(), false, null);
    }

    static LiveSignal signedOut(UUID agentId) {
        return new LiveSignal(SIGNED_OUT, null, 0, List.of(), List.of(), false, agentId);
    }

    /** The agent was told something: only their own pages hear of it, and only that, not what. */
    static LiveSignal notification(UUID agentId) {
        return new LiveSignal(NOTIFICATION, null, 0, List.of(), List.of(), false, agentId);
    }

    /** Something changed in the agent's routing (an offer, an invitation, a hold, their presence): only their pages hear of it. */
    static LiveSignal routing(UUID agentId) {
        return new LiveSignal(ROUTING, null, 0, List.of(), List.of(), false, agentId);
    }

    /**
     * The live contact of the case changed (hold, colleague, transfer): pages showing that case hear
     * of it. Without its number: each page knows the number of the case it shows.
     */
    static LiveSignal contact(UUID caseId) {
        return new LiveSignal(CONTACT, caseId, 0, List.of(), List.of(), false, null);
    }

    /** Queues, holds or supervisor requests changed: supervisors' and admins' pages hear of it, all as one. */
    static LiveSignal queues() {
        return new LiveSignal(QUEUES, null, 0, List.of(), List.of(), false, null);
    }

    /** Signals that coalesce into one: the same kind about the same case or agent. */
    String key() {
        return type + ":" + (caseId != null ? caseId : agentId);
    }

    /** One signal for two about the same thing: whoever may hear of either hears of it. */
    LiveSignal merge(LiveSignal other) {
        return new LiveSignal(
                type,
                caseId,
                number,
                union(teamIds, other.teamIds),
                union(ownerIds, other.ownerIds),
                teamless || other.teamless,
                agentId);
    }

    private static List<UUID> union(List<UUID> a, List<UUID> b) {
        var all = new LinkedHashSet<UUID>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
