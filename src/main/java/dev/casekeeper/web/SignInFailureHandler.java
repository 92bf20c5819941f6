package dev.casekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the sign-in form with what went wrong and the email as typed (never the password),
 * through a redirect so that reloading the page does not post the form again.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var flash = new FlashMap();
        String email = request.getParameter("email");
        flash.put("email", email == null ? "" : email);
        if (exception instanceof SignInLockedException locked) {
            flash.put("lockedMinutes", locked.retryAfterMinutes());
        } else {
            flash.put("failed", true);
        }
        String login = request.getContextPath() + "/login";
        flash.setTargetRequestPath(login);
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(login);
    }
}
