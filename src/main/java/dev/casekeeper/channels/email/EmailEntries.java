package dev.casekeeper.channels.email;

import dev.casekeeper.cases.ChannelFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * For the email channel's part of the case page ({@code email/entry.html}): the {@link EmailFacts}
 * of a timeline entry, so the page that includes the fragment need not know the channel's types.
 */
@Component("emailEntries")
public class EmailEntries {

    /** The facts when they are the email channel's, else null. */
    public @Nullable EmailFacts of(@Nullable ChannelFacts facts) {
        return facts instanceof EmailFacts email ? email : null;
    }

    /** Whom an agent's reply or forward was addressed to, else null. */
    public dev.casekeeper.cases.@Nullable Addressed addressed(@Nullable ChannelFacts facts) {
        return facts instanceof dev.casekeeper.cases.Addressed addressed ? addressed : null;
    }
}
