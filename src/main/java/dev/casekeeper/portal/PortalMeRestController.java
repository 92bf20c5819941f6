package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's own API, the session part: signing in with a code sent by email or by text
 * message to a verified phone number (the same answer for every identity, the same flow and limits
 * as the sign-in pages), who she is, her data, signing out. The
 * session is the portal's, never an agent's; writes need the session's CSRF token in the
 * {@code X-CSRF-TOKEN} header ({@code GET /api/portal/v1/csrf}).
 */
@RestController
@RequestMapping("/api/portal/v1")
@Tag(name = "Customer portal", description = "The signed-in customer's own cases (portal session)")
class PortalMeRestController {

    record CsrfBody(String headerName, String token) {}

    record SignInBody(@Nullable String email, @Nullable String phone) {}

    record CodeBody(@Nullable String code) {}

    /** Who she is: her name, what is declared about her (and by whom), her addresses. */
    record Me(
            UUID id, String displayName, Map<String, MyData.FieldData> fields, List<MyData.IdentityData> identities) {}

    private final SignInFlow flow;
    private final CustomerManagement customers;
    private final MyData data;

    PortalMeRestController(SignInFlow flow, CustomerManagement customers, MyData data) {
        this.flow = flow;
        this.customers = customers;
        this.data = data;
    }

    /** The token to send back in the {@code X-CSRF-TOKEN} header of every write of this session. */
    @GetMapping("/csrf")
    CsrfBody csrf(@Parameter(hidden = true) CsrfToken token) {
        return new CsrfBody(token.getHeaderName(), token.getToken());
    }

    /**
     * Asks for a sign-in code by email ({@code email}) or by text message to a verified phone
     * number ({@code phone}): exactly one of them. {@code 202} whether or not the identity is a
     * customer's, or may sign in: nobody learns from it whom the desk knows.
     */
    @PostMapping("/sign-in")
    ResponseEntity<Void> requestCode(
            @RequestBody SignInBody body, HttpServletRequest request, HttpSession session, Locale locale) {
        if (body.email() != null && body.phone() != null) {
            throw new InvalidInputException("phone", "give an email address or a phone number, not both");
        }
        if (body.phone() != null) {
            flow.ask(IdentityKind.PHONE, body.phone(), request, session, locale);
        } else {
            flow.ask(IdentityKind.EMAIL, body.email() == null ? "" : body.email(), request, session, locale);
        }
        return ResponseEntity.accepted().build();
    }

    /** Signs in with the code that was sent, for the identity this session asked a code for. */
    @PostMapping("/sign-in/code")
    Me code(@RequestBody CodeBody body, HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        var pending = SignInFlow.pending(session)
                .orElseThrow(() ->
                        new ConflictException("no-code-asked", "Ask for a code first (POST /api/portal/v1/sign-in)"));
        var customer = flow.complete(pending, body.code() == null ? "" : body.code(), request, response)
                .orElseThrow(() -> new InvalidInputException("code", "is wrong, used already or expired"));
        return me(customer);
    }

    /** Ends the portal session only; an agent's sign-in in the same session stays. */
    @PostMapping("/sign-out")
    ResponseEntity<Void> signOut(HttpSession session) {
        session.removeAttribute(PortalSecurityConfiguration.CONTEXT_ATTRIBUTE);
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal PortalCustomer customer) {
        var record = customers.find(customer.id());
        var fields = new TreeMap<String, MyData.FieldData>();
        record.fields()
                .forEach((key, field) -> fields.put(
                        key, new MyData.FieldData(field.value(), field.setBy().value(), field.setAt())));
        return new Me(
                record.id().value(),
                record.displayName(),
                fields,
                record.identities().stream()
                        .filter(i -> i.kind() != IdentityKind.CHAT)
                        .map(i -> new MyData.IdentityData(i.kind().value(), i.value(), i.verified()))
                        .toList());
    }

    /** Everything of hers, as "Download my data" gives it: every case, written as it is read. */
    @GetMapping("/my-data")
    void myData(@AuthenticationPrincipal PortalCustomer customer, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        data.write(customer.id(), response.getOutputStream());
    }

    /** A limit was reached: {@code 429} with when to try again; nothing was done. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> limited(RateLimited e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many attempts; try again in " + e.minutes() + " minutes");
        problem.setType(URI.create("urn:casekeeper:problem:rate-limited"));
        problem.setProperty("code", "rate-limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryIn.toSeconds())))
                .body(problem);
    }
}
