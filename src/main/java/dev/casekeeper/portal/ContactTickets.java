package dev.casekeeper.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * When an embedded web form was shown, for its time-to-submit check: the hosted form keeps that in
 * the browser's session, but an embedded one runs on another site, without Casekeeper's cookies. So
 * the form gets a ticket, the time it was shown signed with HMAC-SHA256 by the portal's link key;
 * a ticket changed in any way, or older than a day, counts as no ticket (the form was never shown).
 */
@Component
class ContactTickets {

    static final Duration LIFETIME = Duration.ofDays(1);
    private static final String PURPOSE = "casekeeper:contact-form:";

    private final LinkKey key;
    private final Clock clock;

    ContactTickets(LinkKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    String issue() {
        String at = Long.toString(clock.instant().toEpochMilli());
        return at + "." + mac(at);
    }

    /** When the form with this ticket was shown; null for a ticket that is not ours or too old. */
    @Nullable
    Instant shownAt(@Nullable String ticket) {
        if (ticket == null) {
            return null;
        }
        int dot = ticket.indexOf('.');
        if (dot < 1) {
            return null;
        }
        String at = ticket.substring(0, dot);
        byte[] given = ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, mac(at).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            var shown = Instant.ofEpochMilli(Long.parseLong(at));
            return shown.isBefore(clock.instant().minus(LIFETIME)) ? null : shown;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String mac(String at) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal((PURPOSE + at).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
