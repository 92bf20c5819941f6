// The walk-in counter's pages: the display board and the desk's line reload when the location's
// event stream says the line changed, and again whenever the stream comes back after a drop (it may
// have missed changes meanwhile); the kiosk slip prints and goes back to the kiosk by itself.
(function () {
    'use strict';

    function live(container) {
        const events = container.dataset.counterEvents;
        const src = container.dataset.counterSrc;
        const target = container.dataset.counterTarget;
        if (!events || !src || !target || !window.EventSource) return;
        const offline = document.getElementById('board-offline');
        let loading = false;
        let again = false;
        let connected = false;

        function reload() {
            if (loading) {
                again = true;
                return;
            }
            loading = true;
            fetch(src, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
                .then(function (response) {
                    if (!response.ok) throw new Error('HTTP ' + response.status);
                    return response.text();
                })
                .then(function (html) {
                    const current = document.getElementById(target);
                    const next = new DOMParser().parseFromString(html, 'text/html').getElementById(target);
                    if (current && next) current.replaceWith(next);
                    document.body.dataset.counterUpdated = String(Date.now());
                })
                .catch(function () {
                    // The next event, or the stream coming back, loads it again.
                })
                .finally(function () {
                    loading = false;
                    if (again) {
                        again = false;
                        reload();
                    }
                });
        }

        const source = new EventSource(events);
        source.addEventListener('hello', function () {
            if (offline) offline.hidden = true;
            document.body.dataset.counterLive = 'true';
            if (connected) reload();
            connected = true;
        });
        source.addEventListener('line', reload);
        source.addEventListener('missed', reload);
        source.onerror = function () {
            if (offline) offline.hidden = false;
            document.body.dataset.counterLive = 'false';
        };
    }

    function slip() {
        const print = document.querySelector('[data-print]');
        if (print) print.addEventListener('click', function () { window.print(); });
        const page = document.querySelector('[data-return-to]');
        if (page) {
            // A kiosk is shared: the slip gives way to the next walk-in after a while.
            window.setTimeout(function () { window.location.assign(page.dataset.returnTo); }, 60000);
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-counter-events]').forEach(live);
        slip();
    });
})();
