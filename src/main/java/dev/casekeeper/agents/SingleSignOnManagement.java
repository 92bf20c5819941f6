package dev.casekeeper.agents;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents who sign in through the identity provider: the one linked to the provider's subject (its
 * {@code sub}, which does not change when the person's email does); an agent not linked yet is found
 * by the provider's verified email and linked at that first sign-in; and someone who is neither
 * becomes a new agent with the configured role and team (just-in-time provisioning), linked too.
 */
@Service
@Transactional(noRollbackFor = SingleSignOnRefusedException.class)
public class SingleSignOnManagement {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnManagement.class);

    private final AgentQueries agents;
    private final SingleSignOnQueries subjects;
    private final Passwords passwords;
    private final SingleSignOnSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SingleSignOnManagement(
            AgentQueries agents,
            SingleSignOnQueries subjects,
            Passwords passwords,
            SingleSignOnSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agents = agents;
        this.subjects = subjects;
        this.passwords = passwords;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The agent the provider vouched for: the one linked to the subject; else the one with the
     * verified email, linked now; else a new agent, linked now.
     *
     * @param issuer the provider's issuer, as its ID token names it
     * @param subject the provider's subject for the person ({@code sub}), stable across email changes
     * @param email the email the provider gave
     * @param emailVerified whether the provider says it verified the email; an unverified one could be
     *     anybody's, so it neither links nor creates an agent (a linked subject needs no email)
     * @param name the name the provider gave, if any
     * @throws SingleSignOnRefusedException when the subject's agent is deactivated, the subject is not
     *     linked and the email is not verified, or the email's agent is linked to another subject of
     *     the provider (another account with that email may not take it over); the refusal is
     *     published as {@link SingleSignOnRefused} (and committed) first
     */
    public SignedInAgent signIn(
            String issuer, String subject, @Nullable String email, boolean emailVerified, @Nullable String name) {
        String normalized = email == null ? "" : AgentManagement.normalizeEmail(email);
        var linked = subjects.agentOf(issuer, subject).flatMap(agents::findAgent);
        if (linked.isPresent()) {
            return admitted(linked.get(), normalized.isEmpty() ? linked.get().email() : normalized);
        }
        if (!emailVerified || normalized.indexOf('@') < 1) {
            throw refuse(normalized, SingleSignOnRefusal.EMAIL_NOT_VERIFIED);
        }
        var agent = agents.findCredentials(normalized)
                .map(AgentQueries.Credentials::agent)
                .or(() -> provision(normalized, name))
                // Another first sign-in of the same person made the agent a moment ago.
                .or(() -> agents.findCredentials(normalized).map(AgentQueries.Credentials::agent))
                .orElseThrow();
        if (subjects.linkedToAnother(agent.id().value(), issuer, subject)) {
            throw refuse(normalized, SingleSignOnRefusal.EMAIL_OF_ANOTHER_ACCOUNT);
        }
        if (!agent.active()) {
            throw refuse(normalized, SingleSignOnRefusal.AGENT_DEACTIVATED);
        }
        if (!subjects.link(issuer, subject, agent.id().value(), clock.instant())
                // Linked a moment ago by another first sign-in: of this subject to this agent is fine.
                && !subjects.agentOf(issuer, subject)
                        .equals(Optional.of(agent.id().value()))) {
            throw refuse(normalized, SingleSignOnRefusal.EMAIL_OF_ANOTHER_ACCOUNT);
        }
        log.info("Agent {} linked to their identity provider's subject at their first single sign-on", agent.id());
        return admitted(agent, normalized);
    }

    private SignedInAgent admitted(Agent agent, String email) {
        if (!agent.active()) {
            throw refuse(email, SingleSignOnRefusal.AGENT_DEACTIVATED);
        }
        return new SignedInAgent(agent.id(), agent.email(), agent.name(), agent.role(), new HashSet<>(agent.teamIds()));
    }

    private Optional<Agent> provision(String email, @Nullable String name) {
        var id = UUID.randomUUID();
        var role = settings.defaultRole();
        // A password nobody knows: the agent signs in through the provider until an admin resets it.
        String unknowable = passwords.hash(Passwords.generate());
        String displayName = name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name.strip();
        if (!agents.insertAgent(id, email, displayName, unknowable, role, clock.instant())) {
            return Optional.empty();
        }
        defaultTeam().ifPresent(team -> agents.addMember(team, id));
        log.info("Agent {} created at their first single sign-on with role {}", id, role.value());
        events.publishEvent(new AgentCreated(new AgentId(id), email, role));
        return agents.findAgent(id);
    }

    private Optional<UUID> defaultTeam() {
        String name = settings.defaultTeam();
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        var existing = agents.teamIdNamed(name.strip());
        if (existing.isPresent()) {
            return existing;
        }
        // Made on first use, so the setting works on a fresh desk; another sign-in may make it at the same time.
        agents.insertTeam(UUID.randomUUID(), name.strip(), clock.instant());
        return agents.teamIdNamed(name.strip());
    }

    private SingleSignOnRefusedException refuse(String email, SingleSignOnRefusal refusal) {
        log.info("Single sign-on refused: {}", refusal);
        events.publishEvent(new SingleSignOnRefused(email, refusal));
        return new SingleSignOnRefusedException(refusal);
    }
}
