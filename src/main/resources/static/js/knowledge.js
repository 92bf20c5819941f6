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

    // The editor's Files card: "Insert picture" / "Insert link" puts the file's Markdown at the cursor
    // in the text, and a picture just uploaded is put there at once; the preview follows as for typing.
    // Where the editor's cursor was: at the end of the text until she has been in it.
    document.addEventListener('focusin', function (event) {
        if (event.target.id === 'article-body') event.target.dataset.cursor = 'yes';
    });

    function insertIntoArticle(markdown) {
        const body = document.getElementById('article-body');
        if (!body) return;
        const placed = body.dataset.cursor === 'yes';
        const start = placed ? body.selectionStart : body.value.length;
        const end = placed ? body.selectionEnd : body.value.length;
        const before = body.value.substring(0, start);
        const text = (before === '' || before.endsWith('\n') ? '' : '\n') + markdown + '\n';
        body.focus();
        body.setRangeText(text, start, end, 'end');
        body.dispatchEvent(new Event('input', {bubbles: true}));
    }

    document.addEventListener('click', function (event) {
        const button = event.target.closest('[data-article-file-insert]');
        if (!button) return;
        insertIntoArticle(button.dataset.markdown);
    });

    // htmx:load comes for every element htmx puts in the page, the swapped-in Files card among them.
    document.addEventListener('htmx:load', function (event) {
        const card = event.target;
        if (!card || card.id !== 'article-files') return;
        card.querySelectorAll('[data-uploaded] [data-article-file-insert]').forEach(function (button) {
            if (button.dataset.markdown.startsWith('!')) insertIntoArticle(button.dataset.markdown);
        });
    });
})();
