package dev.casekeeper.notifications.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.notifications.Notification;
import dev.casekeeper.notifications.NotificationManagement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: unread first, and marking them read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsRestController {

    record NotificationResponse(
            UUID id,
            String kind,
            @Nullable UUID caseId,
            String text,
            Instant createdAt,
            @Nullable Instant readAt) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.kind(), n.caseId(), n.text(), n.createdAt(), n.readAt());
        }
    }

    record InboxResponse(
            List<NotificationResponse> items, @Nullable String nextCursor, long unread) {}

    private final NotificationManagement notifications;

    NotificationsRestController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    InboxResponse inbox(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        var inbox = notifications.inbox(me, cursor, limit);
        return new InboxResponse(
                inbox.page().items().stream().map(NotificationResponse::of).toList(),
                inbox.page().nextCursor(),
                inbox.unread());
    }

    @PostMapping("/{id}/read")
    NotificationResponse read(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return NotificationResponse.of(notifications.markRead(id, me));
    }
}
