package dev.casekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own refusals, made before any of Casekeeper runs (a URL it cannot decode or that holds
 * characters a URL may not, headers too large or malformed): answered in Casekeeper's format
 * instead of Tomcat's HTML report. The API gets a problem detail as from every other refusal, a
 * page a short page in the desk's words; neither names the server. An error Casekeeper itself
 * answered (with a body) passes untouched.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final JsonMapper json;
    private final MessageSource messages;

    ProblemErrorReportValve(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            var known = HttpStatus.resolve(status);
            var writer = response.getReporter();
            if (writer == null) {
                return;
            }
            if (wantsPage(request)) {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                writer.write(page(status, locale(request)));
            } else {
                var problem = Problems.of(
                        known == null ? HttpStatus.BAD_REQUEST : known,
                        Problems.codeFor(HttpStatus.valueOf(status)),
                        detail(status));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                writer.write(json.writeValueAsString(problem));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not write the error report for status {}: {}", status, e.toString());
        }
    }

    /**
     * A page outside the API, as {@link PageErrors} decides; a problem detail on the API and for a
     * request too broken to tell. The URL as sent: Tomcat may not have decoded it, or read the headers.
     */
    private static boolean wantsPage(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri != null && uri.startsWith("/") && PageErrors.isPagePath(uri);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its URL or headers hold something HTTP does not allow";
            case 413 -> "The request is larger than Casekeeper takes";
            case 414 -> "The URL is longer than Casekeeper takes";
            case 431 -> "The request's headers are larger than Casekeeper takes";
            default ->
                status >= 500
                        ? "Something went wrong on our side; nothing was changed. The error is in the server log."
                        : "The request could not be carried out";
        };
    }

    private String page(int status, Locale locale) {
        String kind = status >= 500 ? "5xx" : "4xx";
        String title = HtmlUtils.htmlEscape(messages.getMessage("error." + kind + ".title", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("error." + kind + ".text", null, locale));
        String back = HtmlUtils.htmlEscape(messages.getMessage("error.back", null, locale));
        String name = HtmlUtils.htmlEscape(messages.getMessage("app.name", null, locale));
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " · "
                + name
                + "</title><link rel=\"stylesheet\" href=\"/css/workspace.css\"></head><body class=\"plain\"><main class=\"plain-main\">"
                + "<section class=\"card error-page\"><p class=\"error-code\">" + status + "</p><h1>" + title
                + "</h1><p>" + text
                + "</p><p><a class=\"button\" href=\"/\">" + back + "</a></p></section></main></body></html>";
    }

    private static Locale locale(HttpServletRequest request) {
        try {
            return request.getLocale();
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }
}
