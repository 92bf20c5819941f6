package dev.casekeeper.cases;

import dev.casekeeper.agents.AgentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on creating calls: a repeat of the same request by the same agent with the
 * same key answers what the first one created, and creates nothing; the same key with another
 * request is refused ({@link IdempotencyKeyReusedException}). Claimed in the caller's transaction,
 * so a request that fails frees its key.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per agent and key: its result's id is kept with the key, and a repeat
     * of the request gets {@code earlier} applied to it instead.
     */
    <T> T once(
            AgentId agent,
            @Nullable String key,
            Object request,
            Supplier<T> create,
            java.util.function.Function<T, UUID> idOf,
            java.util.function.Function<UUID, T> earlier) {
        if (key == null) {
            return create.get();
        }
        String hash = hash(request.toString());
        if (!claim(agent.value(), key, hash)) {
            var first = result(agent.value(), key);
            if (first.isEmpty()
                    || !first.get().requestHash().equals(hash)
                    || first.get().id() == null) {
                throw new IdempotencyKeyReusedException(key);
            }
            return earlier.apply(first.get().id());
        }
        var created = create.get();
        jdbc.sql("update cases.idempotency_key set case_id = :id where agent_id = :agent and key = :key")
                .param("agent", agent.value())
                .param("key", key)
                .param("id", idOf.apply(created))
                .update();
        return created;
    }

    private boolean claim(UUID agent, String key, String requestHash) {
        return jdbc.sql("""
                        insert into cases.idempotency_key (agent_id, key, request_hash, created_at)
                        values (:agent, :key, :hash, :now)
                        on conflict do nothing
                        """)
                        .param("agent", agent)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private record Result(String requestHash, @Nullable UUID id) {}

    private Optional<Result> result(UUID agent, String key) {
        return jdbc.sql(
                        "select request_hash, case_id from cases.idempotency_key where agent_id = :agent and key = :key")
                .param("agent", agent)
                .param("key", key)
                .query((rs, n) -> new Result(rs.getString("request_hash"), rs.getObject("case_id", UUID.class)))
                .optional();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
