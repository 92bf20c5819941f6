// The web form's article suggestions. As the customer types the subject, the help center's articles
// for it appear under the field; one she opens from here and then leaves the page without sending the
// form is reported as a deflection (the question the article answered). A link from the help center
// carries her search (?q=) into the subject.
(function () {
    'use strict';

    function start() {
        const box = document.getElementById('help-deflection');
        // The subject is typed where the form has no topics to pick from; else the description is.
        const topic = document.getElementById('topic');
        const subject = topic && topic.tagName === 'INPUT' ? topic : document.getElementById('description');
        if (!box || !subject) return;
        const form = subject.form;
        const viewed = new Set();
        let sent = false;
        let timer = null;
        let asked = '';

        const carried = new URLSearchParams(window.location.search).get('q');
        if (carried && !subject.value) subject.value = carried;

        function suggest() {
            const q = subject.value.trim();
            if (q === asked) return;
            asked = q;
            const url = box.dataset.helpSuggestions + '&q=' + encodeURIComponent(q);
            fetch(url, {headers: {'Accept': 'text/html'}})
                .then(function (response) { return response.ok ? response.text() : ''; })
                .then(function (html) { if (asked === q) box.innerHTML = html; })
                .catch(function () { /* No suggestions this time: the form works without them. */ });
        }

        subject.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(suggest, 300);
        });
        box.addEventListener('click', function (event) {
            const link = event.target.closest('[data-help-article]');
            if (link) viewed.add(link.dataset.helpArticle);
        });
        if (form) form.addEventListener('submit', function () { sent = true; });
        window.addEventListener('pagehide', function () {
            if (sent || viewed.size === 0) return;
            const body = new URLSearchParams({articles: Array.from(viewed).join(',')});
            navigator.sendBeacon(box.dataset.helpDeflections, body);
            viewed.clear();
        });
        if (subject.value) suggest();
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
})();
