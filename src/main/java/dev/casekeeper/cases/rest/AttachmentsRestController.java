package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.AgentAttachments;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.SafeDownload;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Replies and notes with files, as multipart forms (the text in {@code body}, each file in a
 * {@code files} part), and the files agents attached, served as every attachment is. A refused
 * file answers 400 naming it under {@code files}, and nothing is written.
 */
@RestController
class AttachmentsRestController {

    private static final int MAX_BODY = 200_000;

    private final CaseManagement cases;
    private final AgentAttachments attachments;
    private final EntryResponses entries;

    AttachmentsRestController(CaseManagement cases, AgentAttachments attachments, EntryResponses entries) {
        this.cases = cases;
        this.attachments = attachments;
        this.entries = entries;
    }

    @PostMapping(path = "/api/v1/cases/{id}/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetailResponse.EntryResponse reply(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        return entries.of(cases.reply(new CaseId(id), text(body), null, me, null, FileCheck.uploads(files)));
    }

    @PostMapping(path = "/api/v1/cases/{id}/notes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetailResponse.EntryResponse note(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
        return entries.of(cases.note(new CaseId(id), text(body), me, FileCheck.uploads(files)));
    }

    /** A file an agent attached, for agents who may see its case (the case page links {@code /attachments/agent/…}). */
    @GetMapping({"/api/v1/attachments/agent/{id}", "/attachments/agent/{id}"})
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var file = attachments.forAgent(id, me);
        return SafeDownload.of(file.filename(), file.contentType(), file.content());
    }

    private static String text(String body) {
        if (body.isBlank()) {
            throw new InvalidInputException("body", "must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "size must be between 0 and " + MAX_BODY);
        }
        return body;
    }
}
