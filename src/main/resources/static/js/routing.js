// Routing's clocks: an offer's countdown to its expiry and the time waited or held, ticking every
// second in the browser between the live reloads. An offer card whose time is up goes at once;
// the server withdraws the offer and the next live reload agrees.
(function () {
    'use strict';

    function clock(seconds) {
        const s = Math.max(0, Math.floor(seconds));
        const h = Math.floor(s / 3600);
        const m = Math.floor((s % 3600) / 60);
        const rest = String(s % 60).padStart(2, '0');
        return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
    }

    function tick() {
        const now = Date.now();
        document.querySelectorAll('[data-countdown]').forEach(function (element) {
            const left = (Date.parse(element.dataset.until) - now) / 1000;
            element.textContent = clock(left);
            if (left <= 0) {
                const card = element.closest('[data-offer]');
                if (card) card.hidden = true;
            }
        });
        document.querySelectorAll('[data-elapsed]').forEach(function (element) {
            const held = (now - Date.parse(element.dataset.since)) / 1000;
            element.textContent = clock(held);
            const limit = element.dataset.limit ? Date.parse(element.dataset.limit) : NaN;
            if (!isNaN(limit)) element.classList.toggle('over-limit', now >= limit);
        });
    }

    // A handover summary's hint says whether the box holds the draft or nothing yet, as the agent edits it.
    document.addEventListener('input', function (event) {
        const box = event.target;
        if (!(box instanceof HTMLTextAreaElement) || !box.dataset.hintEmpty) return;
        const hint = document.getElementById(box.id + '-hint');
        if (hint) hint.textContent = box.value.trim() === '' ? box.dataset.hintEmpty : box.dataset.hintDrafted;
    });

    window.setInterval(tick, 1000);
    document.addEventListener('htmx:afterSettle', tick);
    document.addEventListener('DOMContentLoaded', tick);
})();
