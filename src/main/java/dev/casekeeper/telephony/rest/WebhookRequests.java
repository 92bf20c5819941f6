package dev.casekeeper.telephony.rest;

import dev.casekeeper.telephony.InboundRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds the {@link InboundRequest} a phone system's adapter reads from the servlet request. */
final class WebhookRequests {

    private WebhookRequests() {}

    static InboundRequest of(
            String kind,
            @Nullable String integrationId,
            HttpServletRequest request,
            byte[] body,
            @Nullable String publicUrl) {
        var headers = new HashMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return new InboundRequest(kind, integrationId, url(request, publicUrl), headers, body, form(request));
    }

    /** The URL the phone system called: behind a proxy, the configured public address and the path. */
    static String url(HttpServletRequest request, @Nullable String publicUrl) {
        var query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (publicUrl != null && !publicUrl.isBlank()) {
            var base = publicUrl.strip().replaceAll("/+$", "");
            return base + request.getRequestURI() + query;
        }
        return request.getRequestURL() + query;
    }

    /** The POST form's parameters: the servlet's parameters less those that only the query string set. */
    private static Map<String, List<String>> form(HttpServletRequest request) {
        var inQuery = new HashSet<String>();
        if (request.getQueryString() != null) {
            inQuery.addAll(UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .keySet());
        }
        var form = new HashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name)) {
                form.put(name, Arrays.asList(values));
            }
        });
        return form;
    }
}
