package dev.casekeeper.agents;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in ({@code casekeeper.agents.two-factor.*}).
 *
 * @param secretKey 32 bytes in base64 that seal the agents' secrets; without it secrets are stored as
 *     they are (never shown again, but readable to whoever reads the database)
 * @param issuer the name authenticator apps show beside the agent's email
 * @param maxFailures wrong codes in a row after which codes are refused for {@code lockout}
 * @param lockout how long codes are refused after {@code maxFailures} wrong ones
 */
@ConfigurationProperties("casekeeper.agents.two-factor")
record TwoFactorSettings(
        @Nullable String secretKey,
        @DefaultValue("Casekeeper") String issuer,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockout) {}
