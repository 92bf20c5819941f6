package dev.casekeeper.agents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin when the database has no agent yet. There is never a fixed default
 * password: either the configured one, or a random one printed once in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final long LOCK_KEY = 0x4361736b65657065L; // any constant shared by all nodes

    private final AgentManagement agents;
    private final AdminSettings settings;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    FirstAdmin(AgentManagement agents, AdminSettings settings, TransactionTemplate transactions, JdbcClient jdbc) {
        this.agents = agents;
        this.settings = settings;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Two nodes starting on an empty database at once create one admin, not two.
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY)
                    .query()
                    .singleRow();
            if (agents.hasAgents()) {
                return;
            }
            boolean generated =
                    settings.password() == null || settings.password().isBlank();
            String password = generated ? Passwords.generate() : settings.password();
            // Refused with what to do rather than a stack trace: the operator set it, and nobody can sign in yet.
            PasswordPolicy.refusal(password).ifPresent(reason -> {
                String refusal = "The first admin's password (casekeeper.admin.password, CASEKEEPER_ADMIN_PASSWORD) "
                        + reason.message() + ". Set a stronger one (docs/admin.md), or leave it unset to have one"
                        + " generated and printed once in the log.";
                log.error(refusal);
                throw new IllegalStateException(refusal);
            });
            var first = new CreateAgent(settings.emailOrDefault(), settings.nameOrDefault(), password, Role.ADMIN);
            // A password that went through the log is temporary: the admin chooses their own at first sign-in.
            var admin = generated ? agents.createWithTemporaryPassword(first) : agents.create(first);
            if (generated) {
                log.warn("""

                        ==============================================================
                          First start: created admin {}
                          Generated password (shown only this once): {}
                          Sign in and choose your own, or set CASEKEEPER_ADMIN_PASSWORD.
                        ==============================================================
                        """, admin.email(), password);
            } else {
                log.info("First start: created admin {} with the configured password", admin.email());
            }
        });
    }
}
