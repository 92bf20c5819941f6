package dev.casekeeper.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API rate limits ({@code casekeeper.api.rate-limits.*}): requests per {@code period} for each API
 * token, and for each client address whatever the token (sign-in attempts and token creation
 * included). A bucket refills evenly over the period, so a client may burst up to the limit.
 *
 * @param enabled off only where something in front of Casekeeper limits instead
 * @param perToken requests per period for one API token
 * @param perAddress requests per period from one client address
 * @param period the period both limits count over
 */
@ConfigurationProperties("casekeeper.api.rate-limits")
public record ApiRateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") long perToken,
        @DefaultValue("2400") long perAddress,
        @DefaultValue("1m") Duration period) {

    public ApiRateLimitSettings {
        if (perToken < 1 || perAddress < 1 || !period.isPositive()) {
            throw new IllegalArgumentException(
                    "casekeeper.api.rate-limits: per-token and per-address must be at least 1, period positive");
        }
    }
}
