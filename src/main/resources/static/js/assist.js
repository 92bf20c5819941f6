// Assist in the reply box: put a reply template in the draft, and apply a tone finding's rewrite.
// The tone check itself is htmx (hx-post as the agent pauses typing); this only edits the textarea.
(function () {
    'use strict';

    function replyBox() { return document.getElementById('reply-body'); }

    // Lets htmx and the drafting indicator see the change, as if the agent had typed it.
    function changed(box) {
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.focus();
    }

    document.addEventListener('click', function (event) {
        const template = event.target.closest('[data-assist-template]');
        if (template) {
            const box = replyBox();
            if (!box) return;
            box.value = box.value.trim() === '' ? template.dataset.body : box.value.replace(/\s*$/, '') + '\n\n' + template.dataset.body;
            changed(box);
            return;
        }
        const apply = event.target.closest('[data-tone-apply]');
        if (apply) {
            const box = replyBox();
            if (!box) return;
            const start = Number(apply.dataset.start);
            const end = Number(apply.dataset.end);
            const words = apply.dataset.text;
            // The draft may have changed since the check: find the words again if they moved.
            let at = box.value.substring(start, end) === words ? start : box.value.indexOf(words);
            if (at < 0) return;
            box.value = box.value.substring(0, at) + apply.dataset.replacement + box.value.substring(at + words.length);
            changed(box);
        }
    });
})();
