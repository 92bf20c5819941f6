// Knowledge base on the case page: the Articles picker in the reply box. The server sends the
// suggestions and matches; this loads them when the picker opens and puts a chosen article's link
// or text at the cursor in the reply.
(function () {
    'use strict';

    document.addEventListener('toggle', function (event) {
        const picker = event.target;
        if (!picker.matches || !picker.matches('[data-article-picker]') || !picker.open) return;
        const search = picker.querySelector('[data-article-search]');
        if (!search) return;
        search.focus();
        if (window.htmx) window.htmx.trigger(search, 'articles-open');
    }, true);

    document.addEventListener('click', function (event) {
        const option = event.target.closest('[data-article-insert]');
        if (!option) return;
        const reply = document.getElementById('reply-body');
        if (!reply) return;
        const start = reply.selectionStart != null ? reply.selectionStart : reply.value.length;
        const end = reply.selectionEnd != null ? reply.selectionEnd : reply.value.length;
        reply.focus();
        reply.setRangeText(option.dataset.text, start, end, 'end');
        reply.dispatchEvent(new Event('input', {bubbles: true}));
        const picker = option.closest('[data-article-picker]');
        if (picker) picker.open = false;
    });

    // Enter in the picker's search box searches; it never sends the reply around it.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter' || !event.target.matches || !event.target.matches('[data-article-search], .article-outdated-form input')) return;
        event.preventDefault();
        event.stopPropagation();
    }, true);
})();
