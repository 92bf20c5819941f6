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
 * Agents who sign in through the identity provider: the one with the provider's verified email, or,
 * the first time, a new agent with the configured role and team (just-in-time provisioning).
 */
@Service
@Transactional(noRollbackFor = SingleSignOnRefusedException.class)
public class SingleSignOnManagement {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnManagement.class);

    private final AgentQueries agents;
    private final Passwords passwords;
    private final SingleSignOnSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SingleSignOnManagement(
            AgentQueries agents,
            Passwords passwords,
            SingleSignOnSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agents = agents;
        this.passwords = passwords;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The agent the provider vouched for, created on their first sign-in.
     *
     * @param email the email the provider gave
     * @param emailVerified whether the provider says it verified the email; an unverified one could be
     *     anybody's, so it neither matches nor creates an agent
     * @param name the name the provider gave, if any
     * @throws SingleSignOnRefusedException when the email is not verified or its agent is deactivated;
     *     the refusal is published as {@link SingleSignOnRefused} (and committed) first
     */
    public SignedInAgent signIn(@Nullable String email, boolean emailVerified, @Nullable String name) {
        String normalized = email == null ? "" : AgentManagement.normalizeEmail(email);
        if (!emailVerified || normalized.indexOf('@') < 1) {
            throw refuse(normalized, SingleSignOnRefusal.EMAIL_NOT_VERIFIED);
        }
        var agent = agents.findCredentials(normalized)
                .map(AgentQueries.Credentials::agent)
                .or(() -> provision(normalized, name))
                // Another first sign-in of the same person made the agent a moment ago.
                .or(() -> agents.findCredentials(normalized).map(AgentQueries.Credentials::agent))
                .orElseThrow();
        if (!agent.active()) {
            throw refuse(normalized, SingleSignOnRefusal.AGENT_DEACTIVATED);
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
