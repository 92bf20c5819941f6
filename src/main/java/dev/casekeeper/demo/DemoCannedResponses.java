package dev.casekeeper.demo;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.macros.SaveMacro;
import dev.casekeeper.shared.ConflictException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, gives the desk a few canned responses built on the practices the
 * seed stories teach: own the problem, commit to a time, close with next steps and a farewell,
 * treat a complaint as a gift. Added by the first admin when the desk has none of them yet, so one
 * an admin has changed, renamed or removed since is not added back.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoCannedResponses implements ApplicationRunner {

    static final List<SaveMacro> RESPONSES = List.of(
            new SaveMacro("I own this case", """
                    Hi {{customer.preferredName}},

                    I’m {{agent.firstName}}, and case #{{case.number}} is mine from now on until it is solved. \
                    I have read everything you already told us, so you will not need to repeat any of it.

                    Here is what happens next: …

                    {{agent.name}}"""),
            new SaveMacro("Callback promised", """
                    Hi {{customer.preferredName}},

                    as promised, I will call you back on … at …. If that time does not suit you, reply with \
                    a better one and I will call you then.

                    {{agent.firstName}}"""),
            new SaveMacro("Activation key reissued", """
                    Hi {{customer.preferredName}},

                    I have reissued your activation key; it is on its way to {{customer.email}}. You do not \
                    need the original disc or a new email account to use it.

                    If it does not arrive within the hour, reply here and it comes straight back to me.

                    {{agent.firstName}}"""),
            new SaveMacro("Complaint received, thank you", """
                    Thank you for telling us, {{customer.preferredName}}. Most people who are let down say \
                    nothing and simply leave, so your message helps us put things right, for you and for them.

                    I am looking into case #{{case.number}} myself and will write back by … with what we will do.

                    {{agent.name}}"""),
            new SaveMacro("Next steps and farewell", """
                    To sum up case #{{case.number}} ({{case.subject}}): …

                    What happens next: …

                    If anything else comes up, reply to this message and it comes straight back to me. \
                    Thank you for your patience, {{customer.preferredName}}.

                    Warm regards,
                    {{agent.name}}"""));

    private final AgentManagement agents;
    private final MacroManagement macros;

    DemoCannedResponses(AgentManagement agents, MacroManagement macros) {
        this.agents = agents;
        this.macros = macros;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = agents.list().stream()
                .filter(Agent::active)
                .filter(agent -> agent.role() == Role.ADMIN)
                .findFirst()
                .flatMap(agent -> agents.signedIn(agent.id()));
        if (admin.isEmpty() || RESPONSES.stream().anyMatch(this::there)) {
            return;
        }
        for (var response : RESPONSES) {
            try {
                macros.create(response, admin.get());
            } catch (ConflictException e) {
                // Another node starting at the same moment added it: it is there, which is what matters.
            }
        }
    }

    private boolean there(SaveMacro response) {
        return macros.search(response.name(), 50).stream()
                .anyMatch(macro -> macro.name().equalsIgnoreCase(response.name()));
    }
}
