package dev.casekeeper.portal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the customer does after a case is solved, and the signed links in mail (docs/configuration.md).
 * Bound beside {@link PortalSettings}, under the same prefix.
 *
 * @param reopenPeriod how long after solving the customer may reopen a case in the portal; after that,
 *     a message written there opens a follow-up case linked to it
 * @param linkLifetime how long a signed link in mail (a case's status page, a rating) stays good
 * @param linkSecret the secret links are signed with, Base64, at least 32 bytes; unset, one is made at
 *     the first signing and kept in the database for every node
 */
@ConfigurationProperties("casekeeper.portal")
record PortalLinkSettings(
        @DefaultValue("7d") Duration reopenPeriod,
        @DefaultValue("30d") Duration linkLifetime,
        @Nullable String linkSecret) {}
