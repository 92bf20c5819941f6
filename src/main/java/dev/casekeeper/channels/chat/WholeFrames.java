package dev.casekeeper.channels.chat;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Frames put together from the parts Tomcat hands over. Tomcat keeps a text buffer per socket as
 * large as the largest frame it must hand over whole: at 16 KiB of characters that was 32 KB of
 * heap for every open widget, most of the memory 10,000 of them hold. The sockets take frames in
 * parts instead, through a small buffer, and only a frame longer than that buffer is copied here.
 */
final class WholeFrames {

    /** Characters Tomcat buffers per socket; the few longer frames come in parts. */
    static final int BUFFER_CHARS = 1024;

    private static final String PARTS = "chat.parts";

    private WholeFrames() {}

    /**
     * The whole frame once its last part came, or null while parts are pending or when the frame
     * grew past {@code maxChars} (the socket is then closed as too big, as Tomcat did).
     */
    static @Nullable String join(WebSocketSession session, TextMessage part, int maxChars) {
        var parts = (StringBuilder) session.getAttributes().get(PARTS);
        if (parts == null && part.isLast()) {
            return part.getPayload();
        }
        if (parts == null) {
            parts = new StringBuilder();
            session.getAttributes().put(PARTS, parts);
        }
        parts.append(part.getPayload());
        if (parts.length() > maxChars) {
            session.getAttributes().remove(PARTS);
            try {
                session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            } catch (IOException e) {
                // closing a socket that is going anyway
            }
            return null;
        }
        if (!part.isLast()) {
            return null;
        }
        session.getAttributes().remove(PARTS);
        return parts.toString();
    }
}
