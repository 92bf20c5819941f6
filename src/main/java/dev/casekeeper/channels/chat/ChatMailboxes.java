package dev.casekeeper.channels.chat;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.channels.email.MailboxManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The team behind the mailbox a widget names: only an active mailbox with a team takes chats. Kept
 * for half a minute, so thousands of widgets connecting at once do not each read the mailboxes.
 */
@Component
class ChatMailboxes {

    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Known(Optional<TeamId> team, Instant until) {}

    private final MailboxManagement mailboxes;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    ChatMailboxes(MailboxManagement mailboxes, Clock clock) {
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    Optional<TeamId> team(String address) {
        String key = normalize(address);
        Instant now = clock.instant();
        var hit = known.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.team();
        }
        var team = mailboxes.list().stream()
                .filter(m -> m.active()
                        && m.teamId() != null
                        && normalize(m.address()).equals(key))
                .map(m -> m.teamId())
                .findFirst();
        if (known.size() > 10_000) {
            known.clear();
        }
        known.put(key, new Known(team, now.plus(KEEP)));
        return team;
    }
}
