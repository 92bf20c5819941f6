package dev.casekeeper.telephony;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request from a phone system as it arrived, for the adapter of its kind to check and read.
 *
 * @param kind the adapter: {@code signed} (Casekeeper's own webhook) or {@code twilio}
 * @param integrationId the integration named in the path, if the adapter's URL carries it
 * @param url the full URL the phone system called, with the query
 * @param headers header names in lower case
 * @param form the POST form parameters (form-encoded bodies), without the query's
 */
public record InboundRequest(
        String kind,
        @Nullable String integrationId,
        String url,
        Map<String, String> headers,
        byte[] body,
        Map<String, List<String>> form) {

    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
