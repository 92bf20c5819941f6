package dev.casekeeper.workspace;

import dev.casekeeper.customers.Merge;
import dev.casekeeper.customers.Suggestion;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The part of the context panel about the requester's record beyond her profile: the changes
 * agents suggested to what she declared (and whether she answered), and the merges her record
 * takes part in, with the other record's name.
 */
record CustomerPanel(List<Suggestion> suggestions, List<MergeRow> merges, Map<UUID, String> agentNames) {

    /** A merge of the requester's record, as the panel lists it. */
    record MergeRow(Merge merge, String otherName, boolean intoThis) {}

    public String agentName(UUID id) {
        return agentNames.getOrDefault(id, "");
    }
}
