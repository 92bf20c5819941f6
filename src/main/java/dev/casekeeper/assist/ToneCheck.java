package dev.casekeeper.assist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tone check of a draft reply: what may land badly, in the order it appears. The agent can
 * send the reply anyway; findings of sent replies are kept for coaching, never shown to the customer.
 *
 * @param customerLevel how frustrated the customer's latest message on the case reads; null
 *     without a case or a customer message
 */
public record ToneCheck(
        List<ToneFinding> findings, @Nullable FrustrationLevel customerLevel) {

    public boolean clean() {
        return findings.isEmpty();
    }
}
