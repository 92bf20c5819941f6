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
 */
@ConfigurationProperties("casekeeper.chat")
public record ChatSettings(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("2000") int maxMessageLength,
        @DefaultValue("16384") int maxFrameBytes,
        @DefaultValue("30") int messagesPerMinute,
        @DefaultValue("60s") Duration grace,
        @DefaultValue("5s") Duration sendTimeLimit,
        @DefaultValue("65536") int sendBufferBytes) {}
