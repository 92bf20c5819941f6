package dev.casekeeper.agents;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.SealedSecrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in: an agent enrols an authenticator app (a secret shown once, confirmed with a
 * first code) and gets ten single-use recovery codes; from then on a password sign-in asks for a
 * code. Admins choose the roles that must have a second factor. API tokens are not affected.
 */
@Service
@Transactional
public class TwoFactorManagement {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorManagement.class);
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwoFactorQueries factors;
    private final AgentQueries agents;
    private final TwoFactorSettings settings;
    private final SealedSecrets sealed;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TwoFactorManagement(
            TwoFactorQueries factors,
            AgentQueries agents,
            TwoFactorSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.factors = factors;
        this.agents = agents;
        this.settings = settings;
        this.sealed = SealedSecrets.underKeyFrom("casekeeper.agents.two-factor.secret-key", settings.secretKey());
        this.events = events;
        this.clock = clock;
        if (!sealed.canSeal()) {
            log.warn("casekeeper.agents.two-factor.secret-key is not set: two-factor secrets are stored unsealed");
        }
    }

    @Transactional(readOnly = true)
    public TwoFactorStatus status(AgentId agent) {
        var role = agents.findAgent(agent.value()).map(Agent::role).orElse(Role.AGENT);
        return new TwoFactorStatus(
                factors.enrolled(agent.value()),
                factors.enforcedRoles().contains(role),
                factors.recoveryCodesLeft(agent.value()));
    }

    /** Whether a password sign-in of this agent must be followed by a code. */
    @Transactional(readOnly = true)
    public boolean enrolled(AgentId agent) {
        return factors.enrolled(agent.value());
    }

    /** Whether the agent's role requires a second factor they have not set up yet. */
    @Transactional(readOnly = true)
    public boolean enrolmentRequired(AgentId agent, Role role) {
        return factors.mustEnrol(agent.value(), role);
    }

    /**
     * A new secret for the agent, waiting for its first code; shown on this answer only.
     *
     * @throws ConflictException when the agent has a second factor already (turn it off first)
     */
    public TwoFactorEnrolment startEnrolment(AgentId agent, String email) {
        if (factors.enrolled(agent.value())) {
            throw new ConflictException("two-factor-enrolled", "A second factor is set up already; turn it off first");
        }
        String secret = OneTimeCodes.newSecret();
        factors.startEnrolment(agent.value(), seal(secret, agent));
        return enrolment(secret, email);
    }

    /** The enrolment waiting for its first code, to show it again after a wrong code. */
    @Transactional(readOnly = true)
    public java.util.Optional<TwoFactorEnrolment> pendingEnrolment(AgentId agent, String email) {
        return factors.lock(agent.value())
                .filter(row -> row.enrolledAt() == null)
                .map(row -> enrolment(open(row.secret(), agent), email));
    }

    /**
     * Confirms the enrolment with a code from the app: the second factor is on, and the ten recovery
     * codes are returned, this once (only their digests are kept). Empty when the code is wrong.
     */
    public java.util.Optional<List<String>> confirmEnrolment(AgentId agent, String code) {
        var row = factors.lock(agent.value()).filter(r -> r.enrolledAt() == null);
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        var step = OneTimeCodes.matchingStep(open(row.get().secret(), agent), code, clock.instant(), 0);
        if (step.isEmpty()) {
            return java.util.Optional.empty();
        }
        factors.enrolled(agent.value(), step.getAsLong(), clock.instant());
        var codes = newRecoveryCodes(agent);
        events.publishEvent(new TwoFactorEnrolled(agent));
        log.info("Agent {} set up a second factor", agent);
        return java.util.Optional.of(codes);
    }

    /**
     * Checks a code from the app, or a recovery code (used up by this), for an enrolled agent. A code
     * of a step already used is refused; after {@code maxFailures} wrong codes every code is refused
     * for {@code lockout}.
     */
    public TwoFactorCheck check(AgentId agent, String code) {
        var row = factors.lock(agent.value()).filter(r -> r.enrolledAt() != null);
        if (row.isEmpty()) {
            return TwoFactorCheck.REFUSED;
        }
        Instant now = clock.instant();
        var factor = row.get();
        boolean failing = factor.failingSince() != null
                && factor.failingSince().plus(settings.lockout()).isAfter(now);
        if (failing && factor.failedCodes() >= settings.maxFailures()) {
            events.publishEvent(new TwoFactorCodeRefused(agent, true));
            return TwoFactorCheck.LOCKED;
        }
        var step = OneTimeCodes.matchingStep(open(factor.secret(), agent), code, now, factor.lastStep());
        if (step.isPresent()) {
            factors.accepted(agent.value(), step.getAsLong());
            return TwoFactorCheck.ACCEPTED;
        }
        if (factors.useRecoveryCode(agent.value(), TokenDigest.digest(normalizedRecovery(code)), now)) {
            factors.accepted(agent.value(), factor.lastStep());
            log.info("Agent {} used a recovery code", agent);
            return TwoFactorCheck.ACCEPTED;
        }
        factors.failed(agent.value(), failing ? factor.failedCodes() + 1 : 1, failing ? factor.failingSince() : now);
        events.publishEvent(new TwoFactorCodeRefused(agent, false));
        return TwoFactorCheck.REFUSED;
    }

    /** Turns the agent's second factor off, after a code or recovery code of theirs; whether it was. */
    public TwoFactorCheck disable(AgentId agent, String code) {
        var check = check(agent, code);
        if (check == TwoFactorCheck.ACCEPTED) {
            factors.remove(agent.value());
            events.publishEvent(new TwoFactorDisabled(agent));
            log.info("Agent {} turned their second factor off", agent);
        }
        return check;
    }

    @Transactional(readOnly = true)
    public Set<Role> enforcedRoles() {
        return factors.enforcedRoles();
    }

    /** The roles whose agents must set up a second factor at their next sign-in. */
    public void enforce(Set<Role> roles) {
        factors.enforce(roles);
    }

    private List<String> newRecoveryCodes(AgentId agent) {
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        factors.replaceRecoveryCodes(
                agent.value(),
                codes.stream()
                        .map(c -> TokenDigest.digest(normalizedRecovery(c)))
                        .toList());
        return codes;
    }

    private static String normalizedRecovery(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    private TwoFactorEnrolment enrolment(String secret, String email) {
        String label = encode(settings.issuer()) + ":" + encode(email);
        return new TwoFactorEnrolment(
                secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(settings.issuer())
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    private String seal(String secret, AgentId agent) {
        return sealed.canSeal() ? sealed.seal(secret, context(agent)) : "plain:" + secret;
    }

    private String open(String stored, AgentId agent) {
        if (stored.startsWith("plain:")) {
            return stored.substring("plain:".length());
        }
        return sealed.open(stored, context(agent))
                .orElseThrow(() -> new IllegalStateException(
                        "The second factor of agent " + agent + " cannot be opened with the configured key"));
    }

    private static String context(AgentId agent) {
        return "agents.two_factor.secret:" + agent.value();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
