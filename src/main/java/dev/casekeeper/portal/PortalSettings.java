package dev.casekeeper.portal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer portal and the web form (docs/configuration.md).
 *
 * @param mailFrom the mailbox sign-in mail is sent from; unset, the oldest active mailbox with an
 *     outbound SMTP server
 * @param baseUrl the address customers reach Casekeeper at ({@code https://help.example.com}); the
 *     sign-in mail carries a link only when it is set, since a link made from the request's Host
 *     header could point anywhere
 * @param codeLifetime how long an emailed sign-in code and link stay good
 * @param codeAttempts wrong codes after which the codes of an address stop working
 * @param chatLinkLifetime how long the link a chat visitor gets to confirm the email address she
 *     typed stays good
 * @param codesPerAddress sign-in mails one email address may be sent per hour
 * @param signInsPerClient sign-in requests and code entries one client address may make per hour
 * @param contactsPerClient web form submissions one client address may make per hour
 * @param contactMinTime the least time between showing the web form and its submission; faster is
 *     taken for a robot
 * @param contactTeam the name of the team web form cases go to; unset, no team
 */
@ConfigurationProperties("casekeeper.portal")
record PortalSettings(
        @Nullable String mailFrom,
        @Nullable String baseUrl,
        @DefaultValue("15m") Duration codeLifetime,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("24h") Duration chatLinkLifetime,
        @DefaultValue("5") int codesPerAddress,
        @DefaultValue("30") int signInsPerClient,
        @DefaultValue("10") int contactsPerClient,
        @DefaultValue("3s") Duration contactMinTime,
        @Nullable String contactTeam) {}
