package dev.casekeeper.channels.email.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.channels.email.BlockListManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the block list: blocked addresses and domains, added and removed, and the mail
 * they suspended, each message releasable into a case. A refused value comes back beside the field
 * with what was typed.
 */
@Controller
class BlockListAdminController {

    static final String PAGE = "email/admin-blocked";

    private final BlockListManagement blockList;

    BlockListAdminController(BlockListManagement blockList) {
        this.blockList = blockList;
    }

    @GetMapping("/admin/blocked")
    String page(Model model) {
        model.addAttribute("blocked", blockList.list());
        model.addAttribute("suspended", blockList.suspended());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", "");
        }
        return PAGE;
    }

    @PostMapping("/admin/blocked")
    String block(
            @RequestParam(defaultValue = "") String value,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        try {
            blockList.block(value, me.id());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("typed", value);
            model.addAttribute("valueError", "email.blocked.error.value");
            return page(model);
        }
        redirect.addFlashAttribute("notice", "email.blocked.notice.added");
        return "redirect:/admin/blocked";
    }

    @PostMapping("/admin/blocked/{id}/removal")
    String unblock(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            blockList.unblock(id);
            redirect.addFlashAttribute("notice", "email.blocked.notice.removed");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("notice", "email.blocked.notice.gone");
        }
        return "redirect:/admin/blocked";
    }

    @PostMapping("/admin/blocked/suspended/{id}/release")
    String release(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            blockList.release(id);
            redirect.addFlashAttribute("notice", "email.blocked.notice.released");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("notice", "email.blocked.notice.gone");
        }
        return "redirect:/admin/blocked";
    }
}
