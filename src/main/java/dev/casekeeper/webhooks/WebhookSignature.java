package dev.casekeeper.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, as docs/webhooks.md tells receivers to check it: {@code v1=} and the
 * hex HMAC-SHA256, under the subscription's secret, of the {@code Casekeeper-Timestamp} header's
 * value, a dot, and the body's bytes. The timestamp inside the signed bytes lets a receiver refuse a
 * replayed request by its age; the same scheme as the phone integrations' incoming events.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The receiver's check, in constant time: the documented way, kept here so tests use it. */
    public static boolean verify(String secret, long timestampSeconds, byte[] body, String signature) {
        return MessageDigest.isEqual(
                sign(secret, timestampSeconds, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
