package dev.casekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the sign-in form with what went wrong and the email as typed (never the password),
 * through a redirect so that reloading the page does not post the form again.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();
    private final Clock clock;

    SignInFailureHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof SecondFactorRequired second) {
            // The password was right: a fresh session id, and the code asked for next.
            request.getSession()
                    .setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(second.agentId(), clock.instant()));
            request.changeSessionId();
            response.sendRedirect(request.getContextPath() + SecondFactorController.PATH);
            return;
        }
        var flash = new FlashMap();
        if (exception instanceof OAuth2AuthenticationException sso) {
            // The identity provider's sign-in: what the page says depends on why it ended.
            flash.put("ssoFailed", sso.getError().getErrorCode());
            redirectToLogin(flash, request, response);
            return;
        }
        String email = request.getParameter("email");
        flash.put("email", email == null ? "" : email);
        if (exception instanceof SignInLockedException locked) {
            flash.put("lockedMinutes", locked.retryAfterMinutes());
        } else {
            flash.put("failed", true);
        }
        redirectToLogin(flash, request, response);
    }

    private void redirectToLogin(FlashMap flash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String login = request.getContextPath() + "/login";
        flash.setTargetRequestPath(login);
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(login);
    }
}
