package dev.casekeeper.agents;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin created at the first start with an empty database ({@code CASEKEEPER_ADMIN_EMAIL},
 * {@code CASEKEEPER_ADMIN_PASSWORD}). Without a password, one is generated and logged once.
 */
@ConfigurationProperties("casekeeper.admin")
record AdminSettings(
        @Nullable String email,
        @Nullable String password,
        @Nullable String name) {

    String emailOrDefault() {
        return email == null || email.isBlank() ? "admin@casekeeper.local" : email;
    }

    String nameOrDefault() {
        return name == null || name.isBlank() ? "Administrator" : name;
    }
}
