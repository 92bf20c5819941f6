package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat itself cannot take (a URL it cannot decode, characters a URL may not hold,
 * headers too large) and bodies too large: the API answers with the problem details it always
 * uses, pages with a page in Casekeeper's words, and neither names the server. A request line
 * too broken to tell its path gets a problem detail.
 */
class MalformedRequestsTests extends ApiTestBase {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String BIG = "a".repeat(20_000);

    static java.util.stream.Stream<Arguments> malformedApiRequests() {
        return java.util.stream.Stream.of(
                request("%00 in the path", "GET /api/v1/cases/%00 HTTP/1.1\r\n"),
                request("not UTF-8 in the path", "GET /api/v1/cases/%FF%FE HTTP/1.1\r\n"),
                request("an encoded slash", "GET /api/v1/cases/a%2Fb HTTP/1.1\r\n"),
                request("characters a URL may not hold", "GET /api/v1/cases?q={x}|\"y\" HTTP/1.1\r\n"),
                request("headers too large", "GET /api/v1/cases HTTP/1.1\r\nX-Padding: " + BIG + "\r\n"),
                request("a header Tomcat cannot parse", "GET /api/v1/cases HTTP/1.1\r\n(bad): header\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedApiRequests")
    void theApiAnswersMalformedRequestsWithProblemDetails(String head) throws IOException {
        var response =
                send(head + "Host: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n", new byte[0]);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
        var problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("urn:casekeeper:problem:");
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPageRequests")
    void pagesAnswerMalformedRequestsWithAPageInCasekeepersWords(String head) throws IOException {
        var response = send(head + "Host: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n", new byte[0]);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.body()).contains("That did not work").doesNotContainIgnoringCase("tomcat");
    }

    static java.util.stream.Stream<Arguments> malformedPageRequests() {
        return java.util.stream.Stream.of(
                request("%00 in the path", "GET /cases/%00 HTTP/1.1\r\n"),
                request("not UTF-8 in the path", "GET /cases/%FF HTTP/1.1\r\n"),
                request("headers too large", "GET / HTTP/1.1\r\nX-Padding: " + BIG + "\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLargeBodies")
    void aBodyTooLargeIsAProblemDetail(String path, String contentType, byte[] body, int status) throws IOException {
        var response = send(
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n"
                        + "Authorization: Bearer ck_unknown\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                        + body.length + "\r\n\r\n",
                body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
    }

    static java.util.stream.Stream<Arguments> tooLargeBodies() {
        String boundary = "probe";
        byte[] multipart = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                        // Over the 10 MB a file may have (spring.servlet.multipart.max-file-size: the portal takes
                        // files).
                        + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(11_000_000) + "\r\n--"
                        + boundary
                        + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] form = ("q=" + "x".repeat(3_000_000)).getBytes(StandardCharsets.US_ASCII);
        return java.util.stream.Stream.of(
                Arguments.of(
                        Named.of("a multipart upload", "/api/v1/cases"),
                        "multipart/form-data; boundary=" + boundary,
                        multipart,
                        413),
                Arguments.of(Named.of("a form", "/api/v1/cases"), "application/x-www-form-urlencoded", form, 413));
    }

    private static Arguments request(String name, String head) {
        return Arguments.of(Named.of(name, head));
    }

    record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body.substring(0, Math.min(body.length(), 500));
        }
    }

    /** Bytes as written, which no HTTP client would send, and the response as it came. */
    private RawResponse send(String head, byte[] body) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read a body it refuses.
            }
            var read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
            } catch (java.net.SocketException e) {
                // A reset after the answer: what came before it is the answer.
            }
            String text = read.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a response head in: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            String content = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                content = dechunk(content);
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, content);
        }
    }

    private static String dechunk(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
