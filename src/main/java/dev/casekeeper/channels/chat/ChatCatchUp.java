package dev.casekeeper.channels.chat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the chats with a socket on this node stored while the cluster bus may have lost their frames:
 * the numbered messages after the last one this node passed on, "ended" for the chats that ended,
 * and new queue positions for those still waiting. Two queries, whatever the number of chats.
 * Typing is not sent again: it is stale by then.
 */
@Component
class ChatCatchUp {

    private record State(UUID id, String state, UUID teamId) {}

    private final JdbcClient jdbc;
    private final Frames frames;

    ChatCatchUp(JdbcClient jdbc, Frames frames) {
        this.jdbc = jdbc;
        this.frames = frames;
    }

    /**
     * @param since the last message passed on, by chat
     * @param deliver sends a frame to this node's sockets of its chat
     * @param queueChanged asks for the queue positions of a team's waiting chats
     */
    void resend(Map<UUID, Long> since, Consumer<Outgoing> deliver, Consumer<UUID> queueChanged) {
        var ids = new ArrayList<UUID>(since.keySet());
        var seqs = ids.stream().map(since::get).toArray(Long[]::new);
        jdbc.sql("""
                        select m.* from unnest(:ids, :seqs) as known(id, seq)
                        join chat.message m on m.conversation_id = known.id and m.seq > known.seq
                        order by m.conversation_id, m.seq""")
                .param("ids", ids.toArray(UUID[]::new))
                .param("seqs", seqs)
                .query(ConversationQueries::message)
                .list()
                .forEach(m -> deliver.accept(
                        new Outgoing(m.conversationId(), Outgoing.Audience.ALL, frames.message(m), m.seq(), null)));
        var states = jdbc.sql(
                        "select id, state, team_id from chat.conversation where id = any(:ids) and state in ('ended', 'waiting')")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new State(
                        rs.getObject("id", UUID.class), rs.getString("state"), rs.getObject("team_id", UUID.class)))
                .list();
        states.stream()
                .filter(chat -> chat.state().equals("ended"))
                .forEach(chat -> deliver.accept(Outgoing.to(chat.id(), Outgoing.Audience.ALL, frames.of("ended"))));
        states.stream()
                .filter(chat -> chat.state().equals("waiting"))
                .map(State::teamId)
                .distinct()
                .forEach(queueChanged);
    }
}
