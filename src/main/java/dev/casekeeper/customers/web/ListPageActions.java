package dev.casekeeper.customers.web;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action taken from a list page (merges, erasure requests): done, it redirects to the list with a
 * note of what was done; refused, it shows the list again with why, and changed nothing.
 */
final class ListPageActions {

    private ListPageActions() {}

    static String act(
            Runnable action,
            String done,
            String listPath,
            Supplier<String> list,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", String.join(" ", e.fieldErrors().values()));
            return list.get();
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", e.getMessage());
            return list.get();
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:" + listPath;
    }
}
