package dev.casekeeper.agents.web;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.TeamId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The forms of the admin and account pages. A refused form comes back as typed, except passwords,
 * which are never sent back to the browser.
 */
final class AgentForms {

    private AgentForms() {}

    /** A new agent; without a password, one is generated and shown once. */
    record NewAgentForm(
            @NotBlank(message = "{admin.form.email.blank}")
            @Email(message = "{admin.form.email.invalid}")
            @Size(max = 320, message = "{admin.form.tooLong}")
            @Nullable
            String email,

            @NotBlank(message = "{admin.form.name.blank}") @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
            String name,

            @NotBlank(message = "{admin.form.role.blank}") @Nullable
            String role,

            @Nullable List<UUID> teamIds,

            @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
            String password) {

        static NewAgentForm empty() {
            return new NewAgentForm("", "", "agent", List.of(), "");
        }

        public boolean member(UUID team) {
            return teamIds != null && teamIds.contains(team);
        }
    }

    /** An agent's email, name, role and teams. */
    record EditAgentForm(
            @NotBlank(message = "{admin.form.email.blank}")
            @Email(message = "{admin.form.email.invalid}")
            @Size(max = 320, message = "{admin.form.tooLong}")
            @Nullable
            String email,

            @NotBlank(message = "{admin.form.name.blank}") @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
            String name,

            @NotBlank(message = "{admin.form.role.blank}") @Nullable
            String role,

            @Nullable List<UUID> teamIds) {

        static EditAgentForm of(Agent agent) {
            return new EditAgentForm(
                    agent.email(),
                    agent.name(),
                    agent.role().value(),
                    agent.teamIds().stream().map(TeamId::value).toList());
        }

        public boolean member(UUID team) {
            return teamIds != null && teamIds.contains(team);
        }
    }

    record TeamForm(
            @NotBlank(message = "{admin.form.teamName.blank}")
            @Size(max = 200, message = "{admin.form.tooLong}")
            @Nullable
            String name) {}

    record MemberForm(
            @jakarta.validation.constraints.NotNull(message = "{admin.form.member.blank}") @Nullable
            UUID agentId) {}

    /** A token for an agent (default: the admin asking). */
    record TokenForm(
            @Nullable UUID agentId,

            @Size(max = 100, message = "{admin.form.tooLong}") @Nullable
            String name) {}

    /** An agent's own new password, with the current one and the new one typed twice. */
    record PasswordForm(
            @NotBlank(message = "{account.form.current.blank}")
            @Size(max = 200, message = "{admin.form.tooLong}")
            @Nullable
            String currentPassword,

            @NotBlank(message = "{account.form.new.blank}") @Size(max = 200, message = "{admin.form.tooLong}") @Nullable
            String newPassword,

            @Nullable String repeatPassword) {

        static PasswordForm empty() {
            return new PasswordForm("", "", "");
        }
    }
}
