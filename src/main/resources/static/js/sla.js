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

    document.addEventListener('htmx:load', function (event) { fillZones(event.detail.elt); });
    document.addEventListener('DOMContentLoaded', function () { fillZones(document); });
})();
