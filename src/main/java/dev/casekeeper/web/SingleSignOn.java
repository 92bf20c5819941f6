package dev.casekeeper.web;

import dev.casekeeper.agents.SingleSignOnManagement;
import dev.casekeeper.agents.SingleSignOnSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Single sign-on for agents through an OpenID Connect provider, beside the sign-in form, when
 * {@code casekeeper.agents.sso.issuer-uri} is set (docs/configuration.md#single-sign-on). The sign-in
 * page links to {@code /oauth2/authorization/sso}; the provider sends the agent back to
 * {@code /login/oauth2/code/sso}.
 */
@Component
class SingleSignOn {

    static final String START_PATH = "/oauth2/authorization/" + SingleSignOnClients.REGISTRATION_ID;

    private final SingleSignOnSettings settings;
    private final SingleSignOnManagement signOn;
    private final ApplicationEventPublisher events;

    SingleSignOn(SingleSignOnSettings settings, SingleSignOnManagement signOn, ApplicationEventPublisher events) {
        if (settings.enabled()
                && (settings.clientId() == null || settings.clientId().isBlank())) {
            // Said at start, not at the first agent's sign-in.
            throw new IllegalStateException(
                    "casekeeper.agents.sso.issuer-uri is set but casekeeper.agents.sso.client-id is not");
        }
        this.settings = settings;
        this.signOn = signOn;
        this.events = events;
    }

    boolean enabled() {
        return settings.enabled();
    }

    String label() {
        return settings.label();
    }

    /**
     * What checks the provider's answer, for the pages' authentication manager (which is explicit, so
     * the one {@code oauth2Login} would add is not used).
     */
    Optional<AuthenticationProvider> provider() {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new SingleSignOnUserService(signOn)));
    }

    /** Adds the provider's sign-in to the pages, when configured. */
    void apply(HttpSecurity http, AuthenticationFailureHandler failures) throws Exception {
        if (!enabled()) {
            return;
        }
        http.oauth2Login(o -> o.loginPage("/login")
                .clientRegistrationRepository(new SingleSignOnClients(settings))
                .authorizedClientRepository(new NoAuthorizedClients())
                .successHandler(new SingleSignOnSuccessHandler(events))
                .failureHandler(failures));
    }

    /**
     * The provider's tokens are not kept: Casekeeper calls nothing on the agent's behalf, and the
     * session holds only the agent's id (Spring's default would keep them in memory, per node, forever).
     */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
