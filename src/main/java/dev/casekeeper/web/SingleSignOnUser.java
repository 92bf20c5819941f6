package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The identity provider's user, once matched to (or made into) an agent: which agent, for the session. */
final class SingleSignOnUser extends DefaultOidcUser {

    private final UUID agentId;

    SingleSignOnUser(SignedInAgent agent, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + agent.role().name())), idToken, userInfo);
        this.agentId = agent.id().value();
    }

    UUID agentId() {
        return agentId;
    }
}
