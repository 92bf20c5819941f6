package dev.casekeeper.audit;

import dev.casekeeper.agents.AgentCreated;
import dev.casekeeper.agents.AgentDeactivated;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.AgentRoleChanged;
import dev.casekeeper.agents.AgentSignedIn;
import dev.casekeeper.agents.AgentSignedOut;
import dev.casekeeper.agents.ApiTokenIssued;
import dev.casekeeper.agents.ApiTokenRevoked;
import dev.casekeeper.agents.SignInMethod;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.SingleSignOnRefused;
import dev.casekeeper.agents.TwoFactorCodeRefused;
import dev.casekeeper.agents.TwoFactorDisabled;
import dev.casekeeper.agents.TwoFactorEnrolled;
import dev.casekeeper.shared.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The agents' own events and Spring Security's sign-in failures, as audit entries. The listeners run
 * in the publishing transaction (plain {@link EventListener}s, not after commit), so an agent
 * created, a role changed or a token issued is never committed without its entry.
 */
@Component
class SecurityAudit {

    private final AuditLog audit;
    private final AgentManagement agents;

    SecurityAudit(AuditLog audit, AgentManagement agents) {
        this.audit = audit;
        this.agents = agents;
    }

    @EventListener
    void on(AgentSignedIn event) {
        audit.record(
                AuditKind.SIGN_IN,
                Actor.agent(event.agentId().value()),
                AuditSubject.of("agent", event.agentId().value()),
                event.method() == SignInMethod.SINGLE_SIGN_ON
                        ? "Signed in through single sign-on"
                        : "Signed in with email and password");
    }

    /** The identity provider vouched for them, but Casekeeper did not let them in. */
    @EventListener
    void on(SingleSignOnRefused event) {
        audit.recordFailedSignIn(
                event.email(),
                switch (event.reason()) {
                    case AGENT_DEACTIVATED -> "Single sign-on refused: the agent is deactivated";
                    case EMAIL_NOT_VERIFIED -> "Single sign-on refused: the identity provider gave no verified email";
                    case EMAIL_OF_ANOTHER_ACCOUNT ->
                        "Single sign-on refused: the agent with this email is linked to another account at the identity provider";
                });
    }

    @EventListener
    void on(AgentSignedOut event) {
        audit.record(
                AuditKind.SIGN_OUT,
                Actor.agent(event.agentId().value()),
                AuditSubject.of("agent", event.agentId().value()),
                "Signed out");
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String email = event.getAuthentication().getName();
        audit.recordFailedSignIn(
                email == null ? "" : email,
                event instanceof AuthenticationFailureLockedEvent
                        ? "Refused without checking the password: too many failed sign-ins"
                        : "Wrong email or password, or the agent is deactivated");
    }

    @EventListener
    void on(AgentCreated event) {
        audit.record(
                AuditKind.AGENT_CREATED,
                caller(),
                AuditSubject.of("agent", event.agentId().value()),
                "Created agent " + event.email() + " with role " + event.role().value());
    }

    @EventListener
    void on(AgentRoleChanged event) {
        audit.record(
                AuditKind.ROLE_CHANGED,
                caller(),
                AuditSubject.of("agent", event.agentId().value()),
                "Role of " + email(event.agentId()) + " changed from "
                        + event.from().value() + " to " + event.to().value());
    }

    @EventListener
    void on(AgentDeactivated event) {
        audit.record(
                AuditKind.AGENT_DEACTIVATED,
                caller(),
                AuditSubject.of("agent", event.agentId().value()),
                "Deactivated " + email(event.agentId()) + "; their API tokens are revoked");
    }

    @EventListener
    void on(ApiTokenIssued event) {
        audit.record(
                AuditKind.TOKEN_CREATED,
                caller(),
                AuditSubject.of("token", event.tokenId()),
                "API token \"" + event.name() + "\" issued to " + email(event.agentId()));
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        audit.record(
                AuditKind.TOKEN_REVOKED,
                caller(),
                AuditSubject.of("token", event.tokenId()),
                "API token \"" + event.name() + "\" of " + email(event.agentId()) + " revoked");
    }

    @EventListener
    void on(TwoFactorEnrolled event) {
        audit.record(
                AuditKind.TWO_FACTOR_ENROLLED,
                Actor.agent(event.agentId().value()),
                AuditSubject.of("agent", event.agentId().value()),
                "Turned on two-factor sign-in");
    }

    @EventListener
    void on(TwoFactorDisabled event) {
        audit.record(
                AuditKind.TWO_FACTOR_DISABLED,
                Actor.agent(event.agentId().value()),
                AuditSubject.of("agent", event.agentId().value()),
                "Turned off two-factor sign-in");
    }

    /** The password was right (or the agent is signed in), so the entry names the agent. */
    @EventListener
    void on(TwoFactorCodeRefused event) {
        audit.record(
                AuditKind.TWO_FACTOR_CODE_REFUSED,
                Actor.agent(event.agentId().value()),
                AuditSubject.of("agent", event.agentId().value()),
                event.locked()
                        ? "Code refused without checking it: too many wrong codes"
                        : "Wrong or already used two-factor code");
    }

    private String email(dev.casekeeper.agents.AgentId id) {
        return agents.email(id).orElse(id.value().toString());
    }

    /** Whoever the request is signed in as (a session or an API token), or Casekeeper itself (start-up, jobs). */
    static Actor caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent
                ? agent.actor()
                : Actor.SYSTEM;
    }
}
