package dev.casekeeper.agents;

import org.springframework.modulith.NamedInterface;

/** The identity provider vouched for someone Casekeeper did not let in; the email as the provider gave it. */
@NamedInterface("events")
public record SingleSignOnRefused(String email, SingleSignOnRefusal reason) {}
