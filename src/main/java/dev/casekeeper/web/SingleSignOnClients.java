package dev.casekeeper.web;

import dev.casekeeper.agents.SingleSignOnSettings;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The identity provider as Casekeeper's one OpenID Connect client. Its endpoints are discovered from
 * the issuer at the first sign-in through it, not at start-up, so the desk starts (and password
 * sign-in works) while the provider is unreachable; a failed discovery is tried again next time.
 */
final class SingleSignOnClients implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "sso";

    private final SingleSignOnSettings settings;
    private volatile @Nullable ClientRegistration registration;

    SingleSignOnClients(SingleSignOnSettings settings) {
        this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        var known = registration;
        if (known == null) {
            known = ClientRegistrations.fromOidcIssuerLocation(Objects.requireNonNull(settings.issuerUri()))
                    .registrationId(REGISTRATION_ID)
                    .clientId(Objects.requireNonNull(settings.clientId(), "casekeeper.agents.sso.client-id"))
                    .clientSecret(settings.clientSecret())
                    .clientName(settings.label())
                    .scope("openid", "profile", "email")
                    .build();
            registration = known;
        }
        return known;
    }
}
