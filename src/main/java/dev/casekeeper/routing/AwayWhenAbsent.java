package dev.casekeeper.routing;

import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An agent who is not there gets no contacts: letting {@value #IN_A_ROW} offers in a row expire
 * since they last became Available makes them Away, with a notification saying why (the bell and the live page). Customers then wait for someone who is there instead
 * of for an empty chair. Safe to run twice: an agent already away is left alone.
 */
@Component
class AwayWhenAbsent {

    private static final Logger log = LoggerFactory.getLogger(AwayWhenAbsent.class);

    /** How many expired offers in a row make an agent Away. */
    static final int IN_A_ROW = 2;

    static final String NOTIFICATION = "set_away";

    private final AgentStateQueries states;
    private final AgentPresence presence;
    private final NotificationManagement notifications;
    private final JdbcClient jdbc;

    AwayWhenAbsent(
            AgentStateQueries states, AgentPresence presence, NotificationManagement notifications, JdbcClient jdbc) {
        this.states = states;
        this.presence = presence;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(OfferEnded event) {
        if (event.outcome() != OfferEnded.Outcome.EXPIRED) {
            return;
        }
        var agent = event.agentId();
        var state = states.find(agent.value()).orElse(null);
        if (state == null || state.presence() != Presence.AVAILABLE) {
            return;
        }
        List<String> latest = jdbc.sql("""
                        select outcome from routing.offer
                        where agent_id = :agent and offered_at >= :since and outcome is not null
                        order by offered_at desc, seq desc limit :n""")
                .param("agent", agent.value())
                .param("since", Timestamp.from(state.presenceSince()))
                .param("n", IN_A_ROW)
                .query(String.class)
                .list();
        if (latest.size() < IN_A_ROW || !latest.stream().allMatch("expired"::equals)) {
            return;
        }
        presence.set(agent, Presence.AWAY);
        log.info("Agent {} let {} offers in a row expire and is Away now", agent, IN_A_ROW);
        notifications.notify(Notify.of(
                Set.of(agent),
                NOTIFICATION,
                null,
                "You missed %d offers in a row, so you are Away now and get no chats or calls. Choose Available when you are back."
                        .formatted(IN_A_ROW),
                "routing:away:" + event.offerId().value()));
    }
}
