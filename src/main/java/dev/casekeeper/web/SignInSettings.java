package dev.casekeeper.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins lock further attempts, and for how long. Counted per account (so a
 * password cannot be guessed slowly from many addresses) and per client address (so one address
 * cannot try many accounts). The browser sign-in and HTTP Basic on token creation share them.
 *
 * @param maxFailuresPerAccount failures of one email within {@code lockout} that lock it
 * @param maxFailuresPerAddress failures from one client address within {@code lockout} that lock it
 * @param lockout the window failures are counted in; a lock ends when enough of them age out
 */
@ConfigurationProperties("casekeeper.sign-in")
record SignInSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration lockout) {}
