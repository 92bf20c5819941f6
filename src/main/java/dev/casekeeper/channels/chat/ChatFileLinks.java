package dev.casekeeper.channels.chat;

import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.cases.AttachedFiles;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links to the files an agent sent in a chat, for the customer's widget. The widget runs on the
 * customer's own site, without Casekeeper's cookies, and its visitor token (the key to resume the chat)
 * must not travel in a URL, where histories and logs keep it; so each link names the file, its
 * timeline entry and the chat, and is signed with HMAC-SHA256 and good for {@link #LIFETIME}. Links
 * reach only the chat's own sockets, and a frame made again (a reconnect, a catch-up) gets fresh ones.
 */
@Component
class ChatFileLinks {

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final String PURPOSE = "casekeeper:chat-file:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentAttachments attachments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte @Nullable [] secret;

    ChatFileLinks(AgentAttachments attachments, JdbcClient jdbc, Clock clock) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The files of an agent's message as the widget lists them: name, type, size and a signed link. */
    List<Map<String, Object>> of(UUID conversationId, UUID entryId) {
        return attachments.describe(entryId).stream()
                .map(file -> Map.<String, Object>of(
                        "name", file.filename(),
                        "type", file.contentType(),
                        "size", file.size(),
                        "url", link(conversationId, entryId, file)))
                .toList();
    }

    private String link(UUID conversationId, UUID entryId, AttachedFiles.File file) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        // The name is left out of the path: the download names the file, and a name with ';' or '%'
        // would meet the firewall's refusal of such paths.
        return "/chat/files/" + file.id() + "?entry=" + entryId + "&chat=" + conversationId + "&expires=" + expires
                + "&sig=" + mac(file.id(), entryId, conversationId, expires);
    }

    /** Whether a link's signature is ours and it has not expired. */
    boolean valid(UUID fileId, UUID entryId, UUID conversationId, long expires, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = mac(fileId, entryId, conversationId, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) && clock.instant().getEpochSecond() <= expires;
    }

    private String mac(UUID fileId, UUID entryId, UUID conversationId, long expires) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            String signed = PURPOSE + fileId + ":" + entryId + ":" + conversationId + ":" + expires;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        var known = secret;
        if (known == null) {
            byte[] made = new byte[32];
            RANDOM.nextBytes(made);
            jdbc.sql(
                            "insert into chat.file_link_key (id, secret, created_at) values (1, :secret, :at) on conflict do nothing")
                    .param("secret", made)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            known = jdbc.sql("select secret from chat.file_link_key where id = 1")
                    .query(byte[].class)
                    .single();
            secret = known;
        }
        return known;
    }
}
