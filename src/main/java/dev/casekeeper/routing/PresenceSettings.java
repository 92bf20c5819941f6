package dev.casekeeper.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How presence follows signing in ({@code casekeeper.routing.*}, beside {@link RoutingSettings}).
 *
 * @param availableOnSignIn whether an agent starts Available when they sign in (off: they start Away
 *     and choose Available themselves, so nobody is offered a chat before they are ready)
 */
@ConfigurationProperties("casekeeper.routing")
record PresenceSettings(@DefaultValue("false") boolean availableOnSignIn) {}
