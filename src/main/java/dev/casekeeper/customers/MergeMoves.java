package dev.casekeeper.customers;

import dev.casekeeper.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a merge moves and an undo moves back: identities, declared fields and custom field values
 * the target lacked, the pointer from the source to the target, and whatever other modules keep ({@link
 * CustomerDataHolder}). What moved is written down (as JSON on the merge) so the undo moves exactly
 * that back.
 */
@Component
class MergeMoves {

    /** What a merge moved: identity rows by id, field keys and custom field API keys copied to the target. */
    record Moved(
            List<UUID> identities,
            List<String> fields,
            @Nullable List<String> customFields) {}

    private final MergeQueries merges;
    private final CustomerQueries records;
    private final CustomerValueQueries values;
    private final List<CustomerDataHolder> holders;
    private final JsonMapper json;

    MergeMoves(
            MergeQueries merges,
            CustomerQueries records,
            CustomerValueQueries values,
            List<CustomerDataHolder> holders,
            JsonMapper json) {
        this.merges = merges;
        this.records = records;
        this.values = values;
        this.holders = holders;
        this.json = json;
    }

    /** Moves the source's data to the target; what moved, as JSON. */
    String apply(MergeQueries.Row merge, Actor by, Instant now) {
        var identities = merges.moveAllIdentities(merge.source(), merge.target());
        var fields = merges.copyMissingFields(merge.source(), merge.target());
        var customFields = values.copyMissing(merge.source(), merge.target());
        merges.setMergedInto(merge.source(), merge.target(), now);
        var id = new MergeId(merge.id());
        for (var holder : holders) {
            holder.merged(id, new CustomerId(merge.source()), new CustomerId(merge.target()));
        }
        records.recordHistory(
                merge.source(), by, "mergedInto", null, merge.target().toString(), now);
        records.recordHistory(merge.target(), by, "merged", null, merge.source().toString(), now);
        return json.writeValueAsString(new Moved(
                identities.stream().map(MergeQueries.MovedIdentity::id).toList(), fields, customFields));
    }

    /** Moves back what {@link #apply} moved. */
    void undo(MergeQueries.Row merge, Actor by, Instant now) {
        var moved = merge.moved() == null
                ? new Moved(List.of(), List.of(), List.of())
                : json.readValue(merge.moved(), Moved.class);
        merges.moveIdentitiesBack(moved.identities(), merge.target(), merge.source());
        merges.removeCopiedFields(merge.source(), merge.target(), moved.fields());
        // Merges made before customer fields existed moved none.
        values.removeCopied(
                merge.source(), merge.target(), moved.customFields() == null ? List.of() : moved.customFields());
        merges.setMergedInto(merge.source(), null, now);
        var id = new MergeId(merge.id());
        for (var holder : holders) {
            holder.unmerged(id, new CustomerId(merge.source()), new CustomerId(merge.target()));
        }
        records.recordHistory(merge.source(), by, "mergedInto", merge.target().toString(), null, now);
        records.recordHistory(merge.target(), by, "merged", merge.source().toString(), null, now);
    }
}
