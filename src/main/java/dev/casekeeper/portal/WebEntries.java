package dev.casekeeper.portal;

import dev.casekeeper.cases.ChannelFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * For the portal's part of the agents' case page ({@code portal/entry.html}): the {@link WebFacts}
 * of a timeline entry, so the page that includes the fragment need not know the portal's types.
 */
@Component("webEntries")
public class WebEntries {

    /** The facts when they are the portal's, else null. */
    public @Nullable WebFacts of(@Nullable ChannelFacts facts) {
        return facts instanceof WebFacts web ? web : null;
    }
}
