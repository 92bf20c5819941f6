package dev.casekeeper.portal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret that signs links in mail: {@code casekeeper.portal.link-secret} when set, else one made
 * once, at random, and kept in {@code portal.link_key} so every node signs and checks alike and a
 * restart keeps the links that were sent good.
 */
@Component
class LinkKey {

    static final int MIN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PortalLinkSettings settings;
    private final Clock clock;
    private volatile byte @Nullable [] secret;

    LinkKey(JdbcClient jdbc, PortalLinkSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    byte[] secret() {
        var known = secret;
        if (known == null) {
            known = read();
            secret = known;
        }
        return known;
    }

    private byte[] read() {
        String configured = settings.linkSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException(
                        "casekeeper.portal.link-secret must be at least " + MIN_BYTES + " bytes, Base64");
            }
            return bytes;
        }
        byte[] made = new byte[MIN_BYTES];
        RANDOM.nextBytes(made);
        jdbc.sql("insert into portal.link_key (id, secret, created_at) values (1, :secret, :at) on conflict do nothing")
                .param("secret", made)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select secret from portal.link_key where id = 1")
                .query(byte[].class)
                .single();
    }
}
