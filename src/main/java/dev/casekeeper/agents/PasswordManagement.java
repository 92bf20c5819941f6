package dev.casekeeper.agents;

import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' passwords: an agent changes their own (knowing the current one); an admin resets
 * another's to a generated one, which is temporary: its agent chooses their own at the next
 * sign-in. Ending sign-ins elsewhere is the caller's part, since only it knows which one is asking.
 */
@Service
@Transactional
public class PasswordManagement {

    private static final Logger log = LoggerFactory.getLogger(PasswordManagement.class);

    private final AgentQueries agents;
    private final Passwords passwords;
    private final Clock clock;

    PasswordManagement(AgentQueries agents, Passwords passwords, Clock clock) {
        this.agents = agents;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Changes the agent's own password. Refused, naming the field, when the current password is
     * wrong, or the new one breaks the policy or is the current one.
     */
    public void changeOwn(AgentId id, String currentPassword, String newPassword) {
        var hash = agents.passwordHash(id.value()).orElseThrow(() -> new NotFoundException("Agent", id));
        if (!passwords.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        PasswordPolicy.check(newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "must differ from your current password");
        }
        agents.updatePassword(id.value(), passwords.hash(newPassword), false, clock.instant());
        log.info("Agent {} changed their password", id);
    }

    /** Gives the agent a new generated password, returned this once; they choose their own at the next sign-in. */
    public String reset(AgentId id, AgentId by) {
        agents.findAgent(id.value()).orElseThrow(() -> new NotFoundException("Agent", id));
        String password = Passwords.generate();
        agents.updatePassword(id.value(), passwords.hash(password), true, clock.instant());
        log.info("Password of agent {} reset by agent {}", id, by);
        return password;
    }

    /** Whether the agent's password is temporary and they must choose their own before working. */
    @Transactional(readOnly = true)
    public boolean changeRequired(AgentId id) {
        return agents.passwordChangeRequired(id.value());
    }

    /** A new random password (144 bits), for an admin who sets one without choosing it. */
    public static String generate() {
        return Passwords.generate();
    }

    /** The rule a new password must meet, for forms to tell it before it is tried. */
    public static int minimumLength() {
        return PasswordPolicy.MINIMUM_LENGTH;
    }
}
