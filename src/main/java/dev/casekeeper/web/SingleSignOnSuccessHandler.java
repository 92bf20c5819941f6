package dev.casekeeper.web;

import dev.casekeeper.agents.SignInMethod;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The provider signed an agent in: the session then holds only the agent's id, as after the sign-in
 * form (not the provider's tokens and claims), the sign-in is announced like the form's, and the
 * agent goes on to the page they asked for.
 */
final class SingleSignOnSuccessHandler implements AuthenticationSuccessHandler {

    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler next =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SingleSignOnSuccessHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        var user = (SingleSignOnUser) authentication.getPrincipal();
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new SessionAgent(user.agentId(), SignInMethod.SINGLE_SIGN_ON), null, authentication.getAuthorities());
        token.setDetails(new WebAuthenticationDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(token, getClass()));
        next.onAuthenticationSuccess(request, response, token);
    }
}
