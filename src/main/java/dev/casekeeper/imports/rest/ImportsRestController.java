package dev.casekeeper.imports.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.imports.ImportJob;
import dev.casekeeper.imports.ImportManagement;
import dev.casekeeper.imports.ImportManagement.ImportUpload;
import dev.casekeeper.imports.ImportSkip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports: start one, follow it, read its report. Admins only (docs/imports.md). */
@RestController
class ImportsRestController {

    /** An import of a folder inside the imports directory. */
    record StartImportRequest(
            @Nullable String source, @Nullable String directory) {}

    /** A page of the report; {@code next} is the {@code after} of the next page, null on the last. */
    record ImportReportPage(
            List<ImportSkip> items, @Nullable Long next) {}

    private final ImportManagement imports;

    ImportsRestController(ImportManagement imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJob start(@AuthenticationPrincipal SignedInAgent me, @RequestBody StartImportRequest request) {
        return imports.start(request.source(), request.directory(), me);
    }

    @PostMapping(path = "/api/v1/imports/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJob upload(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String source,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
        var uploads = new ArrayList<ImportUpload>();
        try {
            for (var file : files == null ? List.<MultipartFile>of() : files) {
                uploads.add(new ImportUpload(
                        Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getInputStream()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports.upload(source, uploads, me);
    }

    @GetMapping("/api/v1/imports")
    List<ImportJob> list(@AuthenticationPrincipal SignedInAgent me) {
        return imports.recent(me);
    }

    @GetMapping("/api/v1/imports/{id}")
    ImportJob find(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return imports.find(id, me);
    }

    @GetMapping("/api/v1/imports/{id}/report")
    ImportReportPage report(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        var items = imports.report(id, after, limit, me);
        Long next = items.size() < Math.max(1, Math.min(limit, 500))
                ? null
                : items.getLast().id();
        return new ImportReportPage(items, next);
    }
}
