package dev.casekeeper.cases;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a channel keeps about a message it received or sent — mail headers and attachments, the
 * chat a line belongs to — on the message's timeline entry. Each channel owns its record and
 * registers it under a name with a {@link ChannelFactsType} bean; the case stores it as JSON under
 * that name ({@code {"email": {…}}}) and hands it back typed, so no reader looks facts up by key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface ChannelFacts {

    /** How many characters that cannot be stored the channel took out of the message on the way in. */
    default int removedCharacters() {
        return 0;
    }
}
