// Admin pages: copy a secret shown once, and ask before a change that is hard to undo.
(function () {
    'use strict';

    document.addEventListener('click', function (event) {
        const copy = event.target.closest('[data-copy]');
        if (copy) {
            const field = document.getElementById(copy.dataset.copy);
            if (!field) return;
            field.select();
            if (navigator.clipboard) navigator.clipboard.writeText(field.value).catch(function () {});
            return;
        }
        const confirmed = event.target.closest('[data-confirm]');
        if (confirmed && !window.confirm(confirmed.dataset.confirm)) {
            event.preventDefault();
        }
    });

    // A secret shown once is selected at once, ready to copy.
    document.addEventListener('DOMContentLoaded', function () {
        const secret = document.querySelector('[data-secret]');
        if (secret) {
            secret.focus();
            secret.select();
        }
    });
})();
