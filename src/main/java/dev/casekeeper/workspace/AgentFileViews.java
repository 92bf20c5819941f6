package dev.casekeeper.workspace;

import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.cases.AttachedFiles;
import dev.casekeeper.cases.AttachmentSettings;
import dev.casekeeper.cases.ChannelFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** For the case page's templates: the files an agent attached to an entry, and the composer's limits. */
@Component("agentFiles")
class AgentFileViews {

    private final AgentAttachments attachments;

    AgentFileViews(AgentAttachments attachments) {
        this.attachments = attachments;
    }

    public @Nullable AttachedFiles of(@Nullable ChannelFacts facts) {
        if (facts instanceof dev.casekeeper.cases.Addressed addressed) {
            return new AttachedFiles(addressed.files());
        }
        return facts instanceof AttachedFiles files ? files : null;
    }

    public AttachmentSettings limits() {
        return attachments.settings();
    }
}
