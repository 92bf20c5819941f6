package dev.casekeeper.agents;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on for agents with an OpenID Connect provider ({@code casekeeper.agents.sso.*}). Off
 * while no issuer is set: the sign-in page then shows the password form alone.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} tells the rest
 * @param clientId Casekeeper's client id at the provider
 * @param clientSecret Casekeeper's client secret at the provider
 * @param label the provider's name on the sign-in button ("Sign in with …")
 * @param defaultRole the role of an agent created at their first sign-in through the provider
 * @param defaultTeam the name of the team such an agent joins (made when it does not exist); none when blank
 */
@ConfigurationProperties("casekeeper.agents.sso")
public record SingleSignOnSettings(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("single sign-on") String label,
        @DefaultValue("agent") Role defaultRole,
        @Nullable String defaultTeam) {

    /** Whether single sign-on is configured. */
    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
