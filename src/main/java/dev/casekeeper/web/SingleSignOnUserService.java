package dev.casekeeper.web;

import dev.casekeeper.agents.SingleSignOnManagement;
import dev.casekeeper.agents.SingleSignOnRefusedException;
import java.util.Locale;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider signed someone in: their claims (ID token and user info) matched to an agent by
 * the provider's issuer and subject, or by verified email the first time, or a new agent made. A refusal ends the sign-in with its reason as the error code,
 * which the sign-in page explains.
 */
final class SingleSignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService claims = new OidcUserService();
    private final SingleSignOnManagement signOn;

    SingleSignOnUserService(SingleSignOnManagement signOn) {
        this.signOn = signOn;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = claims.loadUser(request);
        try {
            var agent = signOn.signIn(
                    String.valueOf(user.getIdToken().getIssuer()),
                    user.getSubject(),
                    user.getEmail(),
                    Boolean.TRUE.equals(user.getEmailVerified()),
                    user.getFullName());
            return new SingleSignOnUser(agent, user.getIdToken(), user.getUserInfo());
        } catch (SingleSignOnRefusedException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(errorCode(e)), e.getMessage(), e);
        }
    }

    static String errorCode(SingleSignOnRefusedException e) {
        return e.refusal().name().toLowerCase(Locale.ROOT);
    }
}
