package dev.casekeeper.channels.chat;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerLanguages;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.SelfField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The widget's texts in the visitor's language, from {@code i18n/chat*.properties} (English, German,
 * Spanish); sent in {@code welcome}. The language is the one the customer declared (a returning
 * visitor whose record has one, as the portal does), else the browser's, else English.
 */
@Component
class ChatTexts {

    /** The keys the widget uses, without their {@code widget.} prefix. */
    static final List<String> KEYS = List.of(
            "open",
            "close",
            "title",
            "intro",
            "name",
            "email",
            "phone",
            "topic",
            "start",
            "message",
            "send",
            "sending",
            "notSent",
            "files",
            "position",
            "wait",
            "waitMinutes",
            "joined",
            "agentLeft",
            "left",
            "ended",
            "typing",
            "agentTyping",
            "supervisor",
            "leave",
            "unavailable",
            "leaveMessage",
            "callback",
            "leaveMessageSend",
            "callbackSend",
            "callbackInstead",
            "callbackWindow",
            "callbackSoon",
            "callbackPlanned",
            "needContact",
            "newChat",
            "rate",
            "rate.good",
            "rate.okay",
            "rate.bad",
            "you",
            "reconnecting",
            "notice.on-hold",
            "notice.resumed",
            "notice.hold-limit",
            "notice.transferred",
            "notice.colleague-invited",
            "notice.colleague-joined",
            "notice.supervisor-requested",
            "notice.message-left",
            "error.too-long",
            "error.rate-limited",
            "error.invalid",
            "error.too-many-chats",
            "event.supervisor-requested",
            "offered",
            "suggested");

    private final MessageSource messages;
    private final CustomerManagement customers;
    private final Map<Locale, Map<String, String>> byLocale = new ConcurrentHashMap<>();

    ChatTexts(MessageSource messages, CustomerManagement customers) {
        this.messages = messages;
        this.customers = customers;
    }

    /** The language of a visitor: her record's declared one when there are texts in it, else the browser's. */
    Locale language(Optional<UUID> customer, Locale browser) {
        return customer.flatMap(id -> customers.declaredField(new CustomerId(id), SelfField.LANGUAGE.key()))
                .flatMap(field -> CustomerLanguages.parse(field.value()))
                .orElseGet(() -> CustomerLanguages.supportedOr(browser));
    }

    /** What the widget shows when a limit refused its connection, before it has any other text. */
    String refusal(ChatLimits.Refusal refusal, Locale locale) {
        return messages.getMessage("widget.refused." + refusal.code, null, refusal.code, locale);
    }

    Map<String, String> of(Locale locale) {
        return byLocale.computeIfAbsent(locale, l -> {
            var texts = new LinkedHashMap<String, String>();
            KEYS.forEach(key -> texts.put(key, messages.getMessage("widget." + key, null, key, l)));
            return Map.copyOf(texts);
        });
    }
}
