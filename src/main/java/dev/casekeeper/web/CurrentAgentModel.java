package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's layout shows who is signed in: the agent is {@code me} in every page model. */
@ControllerAdvice
class CurrentAgentModel {

    @ModelAttribute("me")
    @Nullable
    SignedInAgent me(@AuthenticationPrincipal @Nullable SignedInAgent me) {
        return me;
    }
}
