package dev.casekeeper.channels.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chat channel, {@code casekeeper.chat.*}. See docs/configuration.md.
 *
 * @param allowedOrigins origins (patterns such as {@code https://*.example.com}) whose pages may
 *     open the widget's WebSocket; empty allows only Casekeeper's own origin
 * @param maxMessageLength characters in one chat message
 * @param maxFrameBytes bytes in one WebSocket frame; a larger frame closes the connection
 * @param messagesPerMinute messages (and other frames that write) one connection may send per minute
 * @param grace how long after the last connection of a waiting customer drops they count as gone
 * @param sendTimeLimit how long sending to one slow connection may take before it is closed
 * @param sendBufferBytes how much may wait to be sent to one slow connection before it is closed
 * @param trustedProxies addresses or ranges ({@code 10.0.0.0/8}) of reverse proxies in front of
 *     Casekeeper: only a connection from one of them is taken to come from the address it names in
 *     {@code X-Forwarded-For}
 * @param perAddress what one client address may open: widget connections and new chats
 * @param perProxy what a trusted proxy that names no client may open, for everyone behind it together
 * @param minTimeBeforeCase how long a widget must have been connected (or its chat begun) before
 *     its first message opens a case: people take longer than that to write one, scripts need not
 */
@ConfigurationProperties("casekeeper.chat")
public record ChatSettings(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("2000") int maxMessageLength,
        @DefaultValue("16384") int maxFrameBytes,
        @DefaultValue("30") int messagesPerMinute,
        @DefaultValue("60s") Duration grace,
        @DefaultValue("5s") Duration sendTimeLimit,
        @DefaultValue("65536") int sendBufferBytes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue PerAddress perAddress,
        @DefaultValue PerProxy perProxy,
        @DefaultValue("3s") Duration minTimeBeforeCase) {

    /** What one client may open: widget connections per minute (a page load or a reconnect is one), new chats per hour. */
    interface Allowance {
        int socketsPerMinute();

        int chatsPerHour();
    }

    /** The allowance of one client address. */
    public record PerAddress(
            @DefaultValue("30") int socketsPerMinute,
            @DefaultValue("10") int chatsPerHour) implements Allowance {}

    /** The allowance of a trusted proxy that names no client: everyone behind it shares it. */
    public record PerProxy(
            @DefaultValue("600") int socketsPerMinute,
            @DefaultValue("200") int chatsPerHour) implements Allowance {}
}
