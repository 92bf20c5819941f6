package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CustomerLinks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rating page for the end screen of a chat whose case is solved ({@link CustomerLinks}, the
 * portal's signed link); null when the case is not solved, or without the portal or its public address.
 */
@Component
class ChatRatings {

    private final CaseLookup cases;
    private final ObjectProvider<CustomerLinks> links;

    ChatRatings(CaseLookup cases, ObjectProvider<CustomerLinks> links) {
        this.cases = cases;
        this.links = links;
    }

    @Nullable
    String page(UUID caseId) {
        var provider = links.getIfAvailable();
        if (provider == null) {
            return null;
        }
        return cases.byId(new CaseId(caseId)).flatMap(provider::ratingPage).orElse(null);
    }
}
