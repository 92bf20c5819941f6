package dev.casekeeper.imports.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.imports.ImportManagement;
import dev.casekeeper.imports.ImportManagement.ImportUpload;
import dev.casekeeper.imports.ImportSettings;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin pages of imports: the recent imports, a form to import a folder of the imports
 * directory and one to upload files; per import its progress bar (redrawn by htmx every second
 * until it is over) and its report of what it left out and why. A refusal comes back beside the form.
 */
@Controller
class ImportsAdminController {

    private static final int REPORT_LINES = 500;

    private final ImportManagement imports;
    private final ImportSettings settings;

    ImportsAdminController(ImportManagement imports, ImportSettings settings) {
        this.imports = imports;
        this.settings = settings;
    }

    @GetMapping("/admin/imports")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("imports", imports.recent(me));
        model.addAttribute("root", settings.root().toString());
        return "imports/admin-imports";
    }

    @PostMapping("/admin/imports")
    String start(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String directory,
            HttpServletResponse response,
            Model model) {
        try {
            return "redirect:/admin/imports/"
                    + imports.start(source, directory, me).id();
        } catch (InvalidInputException e) {
            return refused(me, e, "directory-error", directory, response, model);
        }
    }

    @PostMapping("/admin/imports/uploads")
    String upload(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            HttpServletResponse response,
            Model model) {
        var uploads = new ArrayList<ImportUpload>();
        try {
            for (var file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    uploads.add(new ImportUpload(
                            Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getInputStream()));
                }
            }
            return "redirect:/admin/imports/"
                    + imports.upload(source, uploads, me).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            return refused(me, e, "upload-error", "", response, model);
        }
    }

    @GetMapping("/admin/imports/{id}")
    String job(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.find(id, me));
        model.addAttribute("skips", imports.report(id, 0, REPORT_LINES, me));
        model.addAttribute("reportLines", REPORT_LINES);
        return "imports/admin-import";
    }

    /** The progress bar alone, for htmx to redraw; once the import is over, the whole page (with its report). */
    @GetMapping(path = "/admin/imports/{id}", headers = "HX-Request=true")
    String progress(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            HttpServletResponse response,
            Model model) {
        var job = imports.find(id, me);
        if (job.finished()) {
            // The report is complete now: the page shows it.
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "imports/admin-import :: progress";
    }

    private String refused(
            SignedInAgent me,
            InvalidInputException e,
            String errorId,
            String directory,
            HttpServletResponse response,
            Model model) {
        response.setStatus(422);
        model.addAttribute("error", String.join("; ", e.fieldErrors().values()));
        model.addAttribute("errorId", errorId);
        model.addAttribute("directory", directory);
        return list(me, model);
    }
}
