package dev.casekeeper.cases;

import dev.casekeeper.customers.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A case brought over from another desk, for {@link CaseImports}: as it was there, with its messages.
 *
 * @param id the case's id here (an import derives it from the source's id, so a second run finds it)
 * @param tags tags as the source had them; ones that are not tags here are left out
 * @param customFields stored values by API key, as the fields module checked them
 */
public record ImportCase(
        CaseId id,
        String subject,
        CustomerId requester,
        Channel channel,
        CaseStatus status,
        Priority priority,
        List<String> tags,
        Map<String, Object> customFields,
        Instant createdAt,
        Instant updatedAt,
        List<ImportMessage> messages) {

    /**
     * A message of an imported case: from the customer, a public reply or an internal note.
     *
     * @param id its id here (derived from the source's id, so a second run adds it only once)
     * @param customer who wrote it when a customer did; null for an agent of the other desk
     * @param facts what the import keeps about it (the source's id, the agent's name, attachment links)
     */
    public record ImportMessage(
            java.util.UUID id,
            CaseId caseId,
            @Nullable CustomerId customer,
            boolean isPublic,
            String text,
            @Nullable String html,
            @Nullable ChannelFacts facts,
            Instant at) {}
}
