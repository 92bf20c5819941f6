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

    document.addEventListener('htmx:load', function (event) { fillZones(event.detail.elt); });
    document.addEventListener('DOMContentLoaded', function () { fillZones(document); });
})();
