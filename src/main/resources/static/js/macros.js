// Canned responses: the picker in the reply box, and the placeholder buttons of the admin editor.
// The picker's matches come from the server already filled in for the case; this only puts the
// chosen text at the cursor and keeps the picker usable from the keyboard.
(function () {
    'use strict';

    function insertAt(field, text) {
        const start = field.selectionStart != null ? field.selectionStart : field.value.length;
        const end = field.selectionEnd != null ? field.selectionEnd : field.value.length;
        field.focus();
        field.setRangeText(text, start, end, 'end');
        // Whatever listens for typing (drafts, presence, previews) hears about the inserted text.
        field.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function options(picker) {
        return Array.from(picker.querySelectorAll('[data-macro-insert]'));
    }

    // A picker inserts into the reply box unless it names another field (the chat panel's).
    function targetOf(picker) {
        return document.getElementById((picker && picker.dataset.macroTarget) || 'reply-body');
    }

    function close(picker, focusReply) {
        picker.open = false;
        const reply = targetOf(picker);
        if (focusReply && reply) reply.focus(); else picker.querySelector('summary').focus();
    }

    function insert(option) {
        const picker = option.closest('[data-macro-picker]');
        const reply = targetOf(picker);
        if (!reply) return;
        insertAt(reply, option.dataset.text);
        if (picker) {
            picker.open = false;
            const search = picker.querySelector('[data-macro-search]');
            if (search) search.value = '';
        }
        reply.focus();
    }

    // Opening the picker puts the cursor in its search box and loads the matches.
    document.addEventListener('toggle', function (event) {
        const picker = event.target;
        if (!picker.matches || !picker.matches('[data-macro-picker]') || !picker.open) return;
        const search = picker.querySelector('[data-macro-search]');
        if (!search) return;
        search.focus();
        if (window.htmx) window.htmx.trigger(search, 'macros-open');
    }, true);

    document.addEventListener('click', function (event) {
        const option = event.target.closest('[data-macro-insert]');
        if (option) {
            insert(option);
            return;
        }
        const placeholder = event.target.closest('[data-placeholder]');
        if (placeholder) {
            const target = document.querySelector('[data-placeholder-target]');
            if (target) insertAt(target, placeholder.dataset.placeholder);
        }
    });

    // Runs before the workspace's shortcuts, so keys meant for the picker stay in it.
    document.addEventListener('keydown', function (event) {
        const picker = event.target.closest && event.target.closest('[data-macro-picker]');
        if (!picker || !picker.open) return;
        const all = options(picker);
        const index = all.indexOf(event.target);
        const inSearch = event.target.matches('[data-macro-search]');
        let target = null;
        switch (event.key) {
            case 'ArrowDown':
                target = inSearch ? all[0] : all[index + 1];
                if (!target) return;
                target.focus();
                break;
            case 'ArrowUp':
                target = index > 0 ? all[index - 1] : (index === 0 ? picker.querySelector('[data-macro-search]') : null);
                if (!target) return;
                target.focus();
                break;
            case 'Enter':
                // Enter in the search box inserts the best match instead of sending the reply.
                if (inSearch && all.length) insert(all[0]);
                else if (index >= 0) insert(all[index]);
                else if (!inSearch) return;
                break;
            case 'Escape':
                close(picker, false);
                break;
            default:
                return;
        }
        event.preventDefault();
        event.stopPropagation();
    }, true);
})();
