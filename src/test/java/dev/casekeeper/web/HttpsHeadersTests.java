package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over HTTPS (here: plain HTTP from a trusted proxy that says the browser came by HTTPS) the browser is
 * told to keep to HTTPS and the session cookie never travels unencrypted; over plain HTTP, or when
 * someone who is not the proxy claims HTTPS, neither. Every response limits the browser features
 * pages may use.
 */
class HttpsHeadersTests extends ApiTestBase {

    private static final String HTTPS = "X-Forwarded-Proto";

    @Test
    void behindATrustedProxyOverHttpsSendsHstsAndASecureSessionCookie() throws Exception {
        var response = get("/login", "127.0.0.1", Map.of(HTTPS, "https"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(sessionCookie(response)).contains("Secure").contains("HttpOnly");
    }

    @Test
    void overPlainHttpSendsNoHstsAndAnOrdinarySessionCookie() throws Exception {
        var response = get("/login", "127.0.0.1", Map.of());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(response)).doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void ignoresAClaimOfHttpsFromAnAddressThatIsNotATrustedProxy() throws Exception {
        // Every 127.x address reaches this machine; only 127.0.0.1 and ::1 are trusted proxies by default.
        var response = get("/login", "127.0.0.2", Map.of(HTTPS, "https"));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(response)).doesNotContain("Secure");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/login", "/api/v1/cases", "/actuator/health", "/widget.js", "/favicon.ico", "/no-such-page"})
    void everyResponseLimitsTheBrowserFeaturesPagesMayUse(String path) throws Exception {
        for (var headers : List.of(Map.<String, String>of(), Map.of(HTTPS, "https"))) {
            var response = get(path, "127.0.0.1", headers);

            assertThat(header(response, "Permissions-Policy"))
                    .as(path + " " + headers)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
        }
    }

    private HttpResponse<String> get(String path, String from, Map<String, String> headers) throws Exception {
        var http = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(from))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html");
        headers.forEach(request::header);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie in " + response.headers().map()));
    }
}
