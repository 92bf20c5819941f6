package dev.casekeeper.agents;

import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Agents and teams: who works cases, in which teams, with which role. */
@Service
@Transactional
public class AgentManagement {

    private static final Logger log = LoggerFactory.getLogger(AgentManagement.class);

    private final AgentQueries agents;
    private final Passwords passwords;
    private final ApiTokenQueries tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentManagement(
            AgentQueries agents,
            Passwords passwords,
            ApiTokenQueries tokens,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agents = agents;
        this.passwords = passwords;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an agent; the email must be new and the password long enough. */
    public Agent create(CreateAgent command) {
        String email = normalizeEmail(command.email());
        PasswordPolicy.check(command.password());
        if (agents.emailTaken(email)) {
            throw emailTaken(email);
        }
        var id = UUID.randomUUID();
        // Checked again by the insert: another request may have taken the email while the password was hashed.
        if (!agents.insertAgent(
                id,
                email,
                command.name().strip(),
                passwords.hash(command.password()),
                command.role(),
                clock.instant())) {
            throw emailTaken(email);
        }
        log.info("Agent {} created with role {}", id, command.role().value());
        events.publishEvent(new AgentCreated(new AgentId(id), email, command.role()));
        return agents.findAgent(id).orElseThrow();
    }

    /**
     * Adds an agent whose password someone else chose: they are asked to choose their own at their
     * first sign-in, before they can open any other page.
     */
    public Agent createWithTemporaryPassword(CreateAgent command) {
        var agent = create(command);
        agents.requirePasswordChange(agent.id().value());
        return agent;
    }

    /**
     * Changes email, name, role, active flag or password; a refused change changes nothing. Deactivating
     * revokes every API token of the agent and publishes {@link AgentDeactivated}, which ends their
     * sign-ins.
     */
    public Agent change(AgentId id, ChangeAgent change) {
        var agent = find(id);
        if (change.name() != null && change.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (change.email() != null) {
            changeEmail(agent, change.email());
        }
        if (change.password() != null) {
            PasswordPolicy.check(change.password());
            agents.updatePassword(id.value(), passwords.hash(change.password()), clock.instant());
        }
        boolean active = change.active() == null ? agent.active() : change.active();
        var role = change.role() == null ? agent.role() : change.role();
        if (agent.role() == Role.ADMIN
                && agent.active()
                && (role != Role.ADMIN || !active)
                && agents.lockActiveAdmins() <= 1) {
            throw new ConflictException(
                    "last-admin", "Agent " + agent.email() + " is the last active admin; make another admin first");
        }
        agents.updateAgent(
                id.value(),
                change.name() == null ? agent.name() : change.name().strip(),
                role,
                active,
                clock.instant());
        if (role != agent.role()) {
            events.publishEvent(new AgentRoleChanged(id, agent.role(), role));
        }
        if (!active && agent.active()) {
            tokens.revokeAllOf(id.value(), clock.instant());
            log.info("Agent {} deactivated; API tokens revoked", id);
            events.publishEvent(new AgentDeactivated(id));
        }
        return find(id);
    }

    private void changeEmail(Agent agent, String requested) {
        String email = normalizeEmail(requested);
        if (email.equals(agent.email())) {
            return;
        }
        if (email.isEmpty() || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw new InvalidInputException("email", "must be a well-formed email address");
        }
        try {
            if (!agents.updateEmail(agent.id().value(), email, clock.instant())) {
                throw emailTaken(email);
            }
        } catch (DuplicateKeyException e) {
            // Another request took the email between the check and the update.
            throw emailTaken(email);
        }
    }

    /** Makes the agent a member of exactly these teams, and of no other. */
    public Agent setTeams(AgentId id, Collection<TeamId> teamIds) {
        find(id);
        var wanted = teamIds.stream().map(TeamId::value).collect(Collectors.toSet());
        var existing = new HashSet<>(agents.existingTeams(wanted));
        if (!existing.containsAll(wanted)) {
            throw new InvalidInputException("teamIds", "names a team that does not exist");
        }
        agents.replaceMemberships(id.value(), wanted);
        return find(id);
    }

    /** Sets a new password for the agent. */
    public void changePassword(AgentId id, String newPassword) {
        find(id);
        PasswordPolicy.check(newPassword);
        agents.updatePassword(id.value(), passwords.hash(newPassword), clock.instant());
    }

    @Transactional(readOnly = true)
    public Agent find(AgentId id) {
        return agents.findAgent(id.value()).orElseThrow(() -> new NotFoundException("Agent", id));
    }

    /** The agent's email, whether active or not; empty when there is no such agent. */
    @Transactional(readOnly = true)
    public Optional<String> email(AgentId id) {
        return agents.findAgent(id.value()).map(Agent::email);
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findActive(AgentId id) {
        return agents.findAgent(id.value()).filter(Agent::active);
    }

    /**
     * The agent as a signed-in caller, with their current role and teams; empty when the agent is
     * unknown or deactivated. Sign-ins in the browser are checked with this on every request.
     */
    @Transactional(readOnly = true)
    public Optional<SignedInAgent> signedIn(AgentId id) {
        return findActive(id).map(AgentManagement::signedIn);
    }

    @Transactional(readOnly = true)
    public List<Agent> list() {
        return agents.listAgents();
    }

    /** Display names of the given agents, for read models that show who did what. */
    @Transactional(readOnly = true)
    public Map<AgentId, String> names(Collection<AgentId> ids) {
        return agents.names(ids.stream().map(AgentId::value).collect(Collectors.toSet())).entrySet().stream()
                .collect(Collectors.toMap(e -> new AgentId(e.getKey()), Map.Entry::getValue));
    }

    /** Whether any agent exists yet (the first start creates the admin). */
    @Transactional(readOnly = true)
    public boolean hasAgents() {
        return agents.countAgents() > 0;
    }

    /** Checks an email and password; inactive agents and wrong passwords give nothing. */
    @Transactional(readOnly = true)
    public Optional<SignedInAgent> authenticate(String email, String password) {
        var credentials = agents.findCredentials(normalizeEmail(email));
        if (credentials.isEmpty()) {
            passwords.spendTimeOfAFailedCheck(password);
            return Optional.empty();
        }
        var agent = credentials.get().agent();
        if (!passwords.matches(password, credentials.get().passwordHash()) || !agent.active()) {
            return Optional.empty();
        }
        return Optional.of(signedIn(agent));
    }

    /** Issues an API token for the agent; the secret is returned this once and stored only as a digest. */
    public IssuedToken issueToken(AgentId agentId, String name) {
        var agent = find(agentId);
        if (!agent.active()) {
            throw new ConflictException("agent-inactive", "Agent " + agentId + " is deactivated");
        }
        String token = TokenDigest.newToken();
        var id = UUID.randomUUID();
        tokens.insert(
                id,
                agentId.value(),
                name.isBlank() ? "API token" : name.strip(),
                TokenDigest.digest(token),
                clock.instant());
        var issued = tokens.find(id).orElseThrow();
        events.publishEvent(new ApiTokenIssued(agentId, id, issued.name()));
        return new IssuedToken(issued, token);
    }

    /**
     * The agent behind an API token, if the token is valid and the agent active. Runs on every API
     * request, so it opens no transaction of its own: one read, and now and then one update, each
     * committed by itself, cost a round trip less than a transaction around them.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<SignedInAgent> authenticateToken(String token) {
        if (!token.startsWith(TokenDigest.PREFIX)) {
            return Optional.empty();
        }
        var bearer = tokens.findBearer(TokenDigest.digest(token));
        bearer.ifPresent(found -> {
            var now = clock.instant();
            // Recording every use would turn each read into a write; a minute's precision is enough.
            if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minusSeconds(60))) {
                tokens.touch(found.tokenId(), now);
            }
        });
        return bearer.map(ApiTokenQueries.Bearer::agent);
    }

    /** Tokens of one agent, or of everyone for an admin asking without an agent. */
    @Transactional(readOnly = true)
    public List<ApiToken> tokens(SignedInAgent caller, Optional<AgentId> of) {
        if (of.isPresent() && !of.get().equals(caller.id()) && !caller.isAdmin()) {
            throw new AccessDeniedException("Only admins may list other agents' tokens");
        }
        if (of.isEmpty() && caller.isAdmin()) {
            return tokens.listFor(null);
        }
        return tokens.listFor(of.orElse(caller.id()).value());
    }

    /** Revokes a token: its own agent or an admin may. */
    public ApiToken revokeToken(SignedInAgent caller, UUID tokenId) {
        var token = tokens.find(tokenId)
                .filter(t -> caller.isAdmin() || t.agentId().equals(caller.id()))
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        tokens.revoke(tokenId, clock.instant());
        if (token.revokedAt() == null) {
            events.publishEvent(new ApiTokenRevoked(token.agentId(), tokenId, token.name()));
        }
        return tokens.find(token.id()).orElseThrow();
    }

    public Team createTeam(String name) {
        if (name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (agents.teamNameTaken(name.strip())) {
            throw teamNameTaken(name.strip());
        }
        var id = UUID.randomUUID();
        // Checked again by the insert: another request may have taken the name since.
        if (!agents.insertTeam(id, name.strip(), clock.instant())) {
            throw teamNameTaken(name.strip());
        }
        return findTeam(new TeamId(id));
    }

    /** Gives the team a new name; names are unique without regard to case. */
    public Team renameTeam(TeamId id, String name) {
        findTeam(id);
        if (name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        try {
            if (!agents.renameTeam(id.value(), name.strip())) {
                throw teamNameTaken(name.strip());
            }
        } catch (DuplicateKeyException e) {
            throw teamNameTaken(name.strip());
        }
        return findTeam(id);
    }

    @Transactional(readOnly = true)
    public Team findTeam(TeamId id) {
        return agents.findTeam(id.value()).orElseThrow(() -> new NotFoundException("Team", id));
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return agents.listTeams();
    }

    public Team addMember(TeamId team, AgentId agent) {
        findTeam(team);
        find(agent);
        agents.addMember(team.value(), agent.value());
        return findTeam(team);
    }

    public Team removeMember(TeamId team, AgentId agent) {
        findTeam(team);
        agents.removeMember(team.value(), agent.value());
        return findTeam(team);
    }

    private static SignedInAgent signedIn(Agent agent) {
        return new SignedInAgent(agent.id(), agent.email(), agent.name(), agent.role(), new HashSet<>(agent.teamIds()));
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("agent-email-taken", "An agent with the email " + email + " already exists");
    }

    private static ConflictException teamNameTaken(String name) {
        return new ConflictException("team-name-taken", "A team named " + name + " already exists");
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
