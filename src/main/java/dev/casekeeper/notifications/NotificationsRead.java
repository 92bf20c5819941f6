package dev.casekeeper.notifications;

import dev.casekeeper.agents.AgentId;
import org.springframework.modulith.NamedInterface;

/**
 * Some of an agent's notifications were marked read without them (one was withdrawn): their open
 * pages recount the bell.
 */
@NamedInterface("events")
public record NotificationsRead(AgentId recipientId) {}
