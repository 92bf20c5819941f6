package dev.casekeeper.customers;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A customer gave an identity of hers that is not verified (a chat visitor typed an email address
 * in the widget): whoever can send a code or link through that kind of identity offers her to
 * prove it (the portal mails a link), and the identity is hers only once she does.
 *
 * @param language the language she was writing in, as a tag
 */
@NamedInterface("events")
public record IdentityOffered(UUID customerId, IdentityKind kind, String value, String language) {}
