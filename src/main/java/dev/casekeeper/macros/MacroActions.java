package dev.casekeeper.macros;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a canned response changes on the case when an agent applies it: a status and a priority (by
 * their API values), tags to add and to remove, and an owner ({@code me}, the agent applying it, or
 * an agent's id). Null and empty parts change nothing.
 */
public record MacroActions(
        @Nullable String status,
        @Nullable String priority,
        List<String> addTags,
        List<String> removeTags,
        @Nullable String owner) {

    public static final MacroActions NONE = new MacroActions(null, null, List.of(), List.of(), null);

    public MacroActions {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    /** Whether applying it changes nothing but inserting the text. */
    public boolean none() {
        return status == null && priority == null && addTags.isEmpty() && removeTags.isEmpty() && owner == null;
    }
}
