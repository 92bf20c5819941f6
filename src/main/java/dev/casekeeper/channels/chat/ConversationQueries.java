package dev.casekeeper.channels.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The chat schema's SQL: conversations, their numbered messages, and who is connected. */
@Component
class ConversationQueries {

    private static final String COLUMNS = """
            id, visitor_digest, customer_id, mailbox, team_id, case_id, case_number, contact_id, state, name, email, phone,
            topic, agent_id, agent_name, last_seq""";

    private final JdbcClient jdbc;

    ConversationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> open(String visitorDigest, String mailbox) {
        return jdbc.sql("select " + COLUMNS
                        + " from chat.conversation where visitor_digest = :v and mailbox = :m and state <> 'ended'")
                .param("v", visitorDigest)
                .param("m", mailbox)
                .query(ConversationQueries::conversation)
                .optional();
    }

    Optional<Conversation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from chat.conversation where id = :id")
                .param("id", id)
                .query(ConversationQueries::conversation)
                .optional();
    }

    /** Locks the chat's row: messages get their numbers, and states change, one at a time. */
    Optional<Conversation> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from chat.conversation where id = :id for update")
                .param("id", id)
                .query(ConversationQueries::conversation)
                .optional();
    }

    /** The latest chat of a case, open or not. */
    Optional<Conversation> ofCase(UUID caseId) {
        return jdbc.sql("select " + COLUMNS
                        + " from chat.conversation where case_id = :c order by created_at desc limit 1")
                .param("c", caseId)
                .query(ConversationQueries::conversation)
                .optional();
    }

    /** Inserts a new chat, or finds the one another connection of the same visitor opened a moment before. */
    Conversation insertOrFind(
            UUID id, String visitorDigest, UUID customerId, String mailbox, UUID teamId, Instant now) {
        jdbc.sql("""
                        insert into chat.conversation (id, visitor_digest, customer_id, mailbox, team_id, state, created_at)
                        values (:id, :v, :customer, :m, :team, 'new', :now)
                        on conflict (visitor_digest, mailbox) where state <> 'ended' do nothing
                        """)
                .param("id", id)
                .param("v", visitorDigest)
                .param("customer", customerId)
                .param("m", mailbox)
                .param("team", teamId)
                .param("now", Timestamp.from(now))
                .update();
        return open(visitorDigest, mailbox).orElseThrow();
    }

    /**
     * Inserts a chat that belongs to a case from its start (a customer signed in to the portal opened
     * it from the case's page); false when the case already has a live chat.
     */
    boolean insertForCase(
            UUID id,
            String visitorDigest,
            UUID customerId,
            String mailbox,
            UUID teamId,
            UUID caseId,
            long caseNumber,
            @Nullable String name,
            Instant now) {
        return jdbc.sql("""
                        insert into chat.conversation
                            (id, visitor_digest, customer_id, mailbox, team_id, case_id, case_number, name, state, created_at)
                        values (:id, :v, :customer, :m, :team, :case, :number, :name, 'new', :now)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("v", visitorDigest)
                        .param("customer", customerId)
                        .param("m", mailbox)
                        .param("team", teamId)
                        .param("case", caseId)
                        .param("number", caseNumber)
                        .param("name", name)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void saveProfile(
            UUID id, @Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String topic) {
        jdbc.sql("""
                        update chat.conversation set name = coalesce(:name, name), email = coalesce(:email, email),
                               phone = coalesce(:phone, phone), topic = coalesce(:topic, topic) where id = :id""")
                .param("id", id)
                .param("name", name)
                .param("email", email)
                .param("phone", phone)
                .param("topic", topic)
                .update();
    }

    void caseOpened(UUID id, UUID caseId, long number, @Nullable UUID contactId) {
        jdbc.sql(
                        "update chat.conversation set case_id = :c, case_number = :n, contact_id = :contact, state = 'waiting' where id = :id")
                .param("id", id)
                .param("c", caseId)
                .param("n", number)
                .param("contact", contactId)
                .update();
    }

    void joined(UUID id, UUID agentId, String agentName) {
        jdbc.sql(
                        "update chat.conversation set agent_id = :a, agent_name = :name, state = 'chatting' where id = :id and state <> 'ended'")
                .param("id", id)
                .param("a", agentId)
                .param("name", agentName)
                .update();
    }

    /** Back to a queue, maybe another team's: nobody holds the chat until routing's next acceptance. */
    void waiting(UUID id, UUID teamId) {
        jdbc.sql("""
                        update chat.conversation set agent_id = null, agent_name = null, state = 'waiting', team_id = :t
                        where id = :id and state <> 'ended'""").param("id", id).param("t", teamId).update();
    }

    void end(UUID id, String reason, Instant now) {
        jdbc.sql("update chat.conversation set state = 'ended', ended_at = :now, ended_reason = :r where id = :id")
                .param("id", id)
                .param("r", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Stores the next message of a locked chat and returns it with its number. */
    ChatMessage append(
            Conversation locked,
            String author,
            @Nullable UUID authorId,
            @Nullable String authorName,
            @Nullable String clientId,
            @Nullable String event,
            @Nullable String body,
            @Nullable UUID entryId,
            Instant now) {
        long seq = jdbc.sql("update chat.conversation set last_seq = last_seq + 1 where id = :id returning last_seq")
                .param("id", locked.id())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into chat.message (conversation_id, seq, author, author_id, author_name, client_id, event, body,
                                                  entry_id, created_at)
                        values (:c, :seq, :author, :authorId, :name, :client, :event, :body, :entry, :now)""")
                .param("c", locked.id())
                .param("seq", seq)
                .param("author", author)
                .param("authorId", authorId)
                .param("name", authorName)
                .param("client", clientId)
                .param("event", event)
                .param("body", body)
                .param("entry", entryId)
                .param("now", Timestamp.from(now))
                .update();
        return new ChatMessage(locked.id(), seq, author, authorId, authorName, clientId, event, body, now, entryId);
    }

    /** The message a client already sent with this id, if it was stored. */
    Optional<ChatMessage> byClientId(UUID conversationId, String author, String clientId) {
        return jdbc.sql("select * from chat.message where conversation_id = :c and author = :a and client_id = :id")
                .param("c", conversationId)
                .param("a", author)
                .param("id", clientId)
                .query(ConversationQueries::message)
                .optional();
    }

    /** Whether the visitor left a message with this id before, in any of their chats with the mailbox. */
    boolean leftMessage(String visitorDigest, String mailbox, String clientId) {
        return jdbc.sql("""
                        select exists (select 1 from chat.message m join chat.conversation c on c.id = m.conversation_id
                                       where c.visitor_digest = :v and c.mailbox = :mb and m.author = 'system'
                                         and m.event = 'message-left' and m.client_id = :id)""")
                .param("v", visitorDigest)
                .param("mb", mailbox)
                .param("id", clientId)
                .query(Boolean.class)
                .single();
    }

    boolean hasEntry(UUID entryId) {
        return jdbc.sql("select exists (select 1 from chat.message where entry_id = :e)")
                .param("e", entryId)
                .query(Boolean.class)
                .single();
    }

    boolean hasJoined(UUID conversationId, UUID agentId) {
        return hasEvent(conversationId, "joined", agentId);
    }

    boolean hasLeft(UUID conversationId, UUID agentId) {
        return hasEvent(conversationId, "agent-left", agentId);
    }

    private boolean hasEvent(UUID conversationId, String event, UUID agentId) {
        return jdbc.sql(
                        "select exists (select 1 from chat.message where conversation_id = :c and event = :e and author_id = :a)")
                .param("c", conversationId)
                .param("e", event)
                .param("a", agentId)
                .query(Boolean.class)
                .single();
    }

    /** Whether this timeline entry is an agent's message in this chat. */
    boolean sentByAgent(UUID conversationId, UUID entryId) {
        return jdbc.sql(
                        "select exists (select 1 from chat.message where conversation_id = :c and entry_id = :e and author = 'agent')")
                .param("c", conversationId)
                .param("e", entryId)
                .query(Boolean.class)
                .single();
    }

    Optional<ChatMessage> message(UUID conversationId, long seq) {
        return jdbc.sql("select * from chat.message where conversation_id = :c and seq = :s")
                .param("c", conversationId)
                .param("s", seq)
                .query(ConversationQueries::message)
                .optional();
    }

    List<ChatMessage> after(UUID conversationId, long after, int limit) {
        return jdbc.sql(
                        "select * from chat.message where conversation_id = :c and seq > :after order by seq limit :limit")
                .param("c", conversationId)
                .param("after", after)
                .param("limit", limit)
                .query(ConversationQueries::message)
                .list();
    }

    /** Of these chats, the ones of the team that wait for an agent, with their contacts. */
    List<Conversation> waiting(UUID teamId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS
                        + " from chat.conversation where team_id = :t and state = 'waiting' and id = any(:ids)")
                .param("t", teamId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(ConversationQueries::conversation)
                .list();
    }

    void connected(UUID conversationId, UUID nodeId, int delta) {
        jdbc.sql("""
                        insert into chat.connection (conversation_id, node_id, sockets) values (:c, :n, greatest(:d, 0))
                        on conflict (conversation_id, node_id) do update set sockets = greatest(chat.connection.sockets + :d, 0)""")
                .param("c", conversationId)
                .param("n", nodeId)
                .param("d", delta)
                .update();
    }

    void disconnected(UUID conversationId, Instant now) {
        jdbc.sql("update chat.conversation set disconnected_at = :now where id = :id")
                .param("id", conversationId)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Instant> endedAt(UUID conversationId) {
        return jdbc.sql("select ended_at from chat.conversation where id = :id")
                .param("id", conversationId)
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    Optional<Instant> disconnectedAt(UUID conversationId) {
        return jdbc.sql("select disconnected_at from chat.conversation where id = :id")
                .param("id", conversationId)
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Sockets of the chat open on nodes that said they were alive since {@code aliveSince}. */
    int sockets(UUID conversationId, Instant aliveSince) {
        return jdbc.sql("""
                        select coalesce(sum(c.sockets), 0) from chat.connection c join chat.node n on n.id = c.node_id
                        where c.conversation_id = :c and n.seen_at >= :since""")
                .param("c", conversationId)
                .param("since", Timestamp.from(aliveSince))
                .query(Integer.class)
                .single();
    }

    void nodeAlive(UUID nodeId, Instant now) {
        jdbc.sql(
                        "insert into chat.node (id, seen_at) values (:id, :now) on conflict (id) do update set seen_at = excluded.seen_at")
                .param("id", nodeId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void nodeGone(UUID nodeId) {
        jdbc.sql("delete from chat.connection where node_id = :id")
                .param("id", nodeId)
                .update();
        jdbc.sql("delete from chat.node where id = :id").param("id", nodeId).update();
    }

    private static Conversation conversation(ResultSet rs, int n) throws SQLException {
        long number = rs.getLong("case_number");
        Long caseNumber = rs.wasNull() ? null : number;
        return new Conversation(
                rs.getObject("id", UUID.class),
                rs.getString("visitor_digest"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("mailbox"),
                rs.getObject("team_id", UUID.class),
                rs.getObject("case_id", UUID.class),
                caseNumber,
                rs.getObject("contact_id", UUID.class),
                Conversation.State.from(rs.getString("state")),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("topic"),
                rs.getObject("agent_id", UUID.class),
                rs.getString("agent_name"),
                rs.getLong("last_seq"));
    }

    static ChatMessage message(ResultSet rs, int n) throws SQLException {
        return new ChatMessage(
                rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"),
                rs.getString("author"),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("client_id"),
                rs.getString("event"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("entry_id", UUID.class));
    }
}
