package dev.casekeeper.channels.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The block list: addresses and domains whose mail opens no case. Their mail is stored but
 * suspended, listed for admins, released into a case on request, and deleted after
 * {@link SuspendedMailSettings#retention()} by a durable recurring task (db-scheduler: once across
 * nodes, and caught up after a restart).
 */
@Service
@Transactional
public class BlockListManagement {

    private static final Logger log = LoggerFactory.getLogger(BlockListManagement.class);

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}$");

    private final BlockListQueries blocks;
    private final SuspendedMailSettings settings;
    private final Clock clock;

    BlockListManagement(BlockListQueries blocks, SuspendedMailSettings settings, Clock clock) {
        this.blocks = blocks;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BlockedSender> list() {
        return blocks.list();
    }

    /**
     * Blocks an address ({@code spam@example.com}) or a domain ({@code example.com} or
     * {@code @example.com}); blocking one already blocked answers the block there is.
     *
     * @throws InvalidInputException when the value is neither
     */
    public BlockedSender block(String value, @Nullable AgentId by) {
        var normalized = value.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("@")) {
            normalized = normalized.substring(1);
        }
        String kind;
        if (ADDRESS.matcher(normalized).matches()) {
            kind = "address";
        } else if (DOMAIN.matcher(normalized).matches()) {
            kind = "domain";
        } else {
            throw new InvalidInputException("value", "must be an email address or a domain, such as example.com");
        }
        blocks.insert(UUID.randomUUID(), kind, normalized, by == null ? null : by.value(), clock.instant());
        log.info("Mail from {} ({}) is blocked", normalized, kind);
        return blocks.byValue(normalized).orElseThrow();
    }

    public void unblock(UUID id) {
        if (!blocks.delete(id)) {
            throw new NotFoundException("Blocked sender", id);
        }
    }

    /** The messages suspended by the block list, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<SuspendedMail> suspended() {
        return blocks.suspended().stream()
                .map(row -> new SuspendedMail(
                        row.id(),
                        row.mailbox(),
                        row.from(),
                        row.subject(),
                        row.size(),
                        row.receivedAt(),
                        row.blockedBy(),
                        row.suspendedAt().plus(settings.retention())))
                .toList();
    }

    /**
     * Releases a suspended message: it goes back to the parsing queue and becomes a case entry like any
     * message, past the block (which stays for the sender's next mail).
     */
    public void release(UUID inboundId) {
        if (!blocks.release(inboundId, clock.instant())) {
            throw new NotFoundException("Suspended message", inboundId);
        }
        log.info("Suspended message {} released", inboundId);
    }

    /** The block that catches mail from this address, unless the message was released. */
    Optional<String> blocking(UUID inboundId, String address) {
        var normalized = address.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        var found = blocks.blocking(normalized, at < 0 ? normalized : normalized.substring(at + 1));
        return found.isPresent() && blocks.released(inboundId) ? Optional.empty() : found;
    }

    /** Keeps the message out of cases: stored, suspended, listed for admins. */
    void suspend(UUID inboundId, String blockedBy, String from, @Nullable String subject) {
        blocks.suspend(inboundId, blockedBy, from, subject, clock.instant());
    }

    /** Deletes suspended messages past their retention. */
    int purge() {
        Instant before = clock.instant().minus(settings.retention());
        int purged = blocks.purge(before);
        if (purged > 0) {
            log.info("{} suspended messages older than {} deleted", purged, settings.retention());
        }
        return purged;
    }

    @Bean
    RecurringTask<Void> suspendedMailPurgeTask() {
        return Tasks.recurring("suspended-mail-purge", FixedDelay.of(settings.purgeInterval()))
                .execute((instance, context) -> purge());
    }
}
