package dev.casekeeper.channels.email.parse;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/** Sets Jakarta Mail's leniency switches when the application starts, before any mail class loads. */
class MailLeniencyEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MailLeniency.apply();
    }
}
