package dev.casekeeper.channels.email.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.channels.email.BlockListManagement;
import dev.casekeeper.channels.email.BlockedSender;
import dev.casekeeper.channels.email.SuspendedMail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The block list and the mail it suspended (admins). */
@RestController
@RequestMapping("/api/v1/email")
class BlockListRestController {

    record Block(@NotBlank @Size(max = 320) String value) {}

    private final BlockListManagement blockList;

    BlockListRestController(BlockListManagement blockList) {
        this.blockList = blockList;
    }

    @GetMapping("/blocked-senders")
    List<BlockedSender> list() {
        return blockList.list();
    }

    @PostMapping("/blocked-senders")
    @ResponseStatus(HttpStatus.CREATED)
    BlockedSender block(@AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody Block request) {
        return blockList.block(request.value(), me.id());
    }

    @DeleteMapping("/blocked-senders/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable UUID id) {
        blockList.unblock(id);
    }

    @GetMapping("/suspended")
    List<SuspendedMail> suspended() {
        return blockList.suspended();
    }

    @PostMapping("/suspended/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable UUID id) {
        blockList.release(id);
    }
}
