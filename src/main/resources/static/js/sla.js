// Promises and notifications: a promise's due time is typed in the agent's own zone, which only
// the browser knows; it goes along with the form. Without script the server takes UTC.
(function () {
    'use strict';

    function fillZones(root) {
        if (!window.Intl) return;
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (!zone) return;
        root.querySelectorAll('input[data-time-zone]').forEach(function (input) {
            if (!input.value) input.value = zone;
        });
    }

    // The promises panel reloads when the case changes; not while a promise is being recorded,
    // kept or withdrawn in it, so nothing typed is lost. Its own forms still swap it.
    document.addEventListener('htmx:beforeSwap', function (event) {
        const target = event.detail.target;
        if (target && target.id === 'promises' && event.detail.requestConfig && event.detail.requestConfig.verb === 'get'
                && target.querySelector('details[open] form')) {
            event.detail.shouldSwap = false;
        }
    });

    // Promise suggestions: a moment after the agent stops typing a reply or chat line, the server reads
    // it for a commitment with a time ("I'll call you tomorrow at 10:00") and the slot under the
    // composer offers to record it, due in the agent's own zone.
    let suggesting = null;
    document.addEventListener('input', function (event) {
        const box = event.target;
        const slot = document.getElementById('promise-suggestion');
        if (!box || box.id !== 'reply-body' || !slot || !slot.dataset.suggestUrl || !window.htmx) return;
        clearTimeout(suggesting);
        suggesting = setTimeout(function () {
            const zone = window.Intl ? Intl.DateTimeFormat().resolvedOptions().timeZone || '' : '';
            htmx.ajax('POST', slot.dataset.suggestUrl,
                {source: slot, target: slot, swap: 'innerHTML', values: {body: box.value, zone: zone}});
        }, 600);
    });

    document.addEventListener('htmx:load', function (event) { fillZones(event.detail.elt); });
    document.addEventListener('DOMContentLoaded', function () { fillZones(document); });
})();
