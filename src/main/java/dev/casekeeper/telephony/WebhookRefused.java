package dev.casekeeper.telephony;

/**
 * A phone system's request refused before anything was stored: its signature does not match, its
 * timestamp is outside the replay window, or it names a call that is not known or over. {@code status}
 * and {@code code} are the problem's (RFC 9457).
 */
public final class WebhookRefused extends RuntimeException {

    private final int status;
    private final String code;

    WebhookRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static WebhookRefused badSignature() {
        return new WebhookRefused(
                401, "bad-signature", "The request's signature does not match the integration's secret");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
