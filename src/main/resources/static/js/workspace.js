// The workspace's little bit of script: CSRF on htmx requests, live events, keyboard shortcuts,
// presence and the draft warning. Pages work without it; it makes them live and quick.
(function () {
    'use strict';

    const body = document.body;

    function meta(name) {
        const element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.content : null;
    }

    function fire(name, detail) {
        body.dispatchEvent(new CustomEvent(name, {detail: detail}));
    }

    function noticeText(key) {
        const template = document.getElementById('notice-texts');
        const node = template && template.content.querySelector('[data-key="' + key + '"]');
        return node ? node.textContent : '';
    }

    let noticeTimer;
    function notice(key, sticky) {
        const box = document.getElementById('notice');
        if (!box) return;
        box.textContent = noticeText(key);
        box.hidden = false;
        clearTimeout(noticeTimer);
        if (!sticky) noticeTimer = setTimeout(function () { box.hidden = true; }, 6000);
    }

    function hideNotice() {
        const box = document.getElementById('notice');
        if (box) box.hidden = true;
    }

    // The menu button of narrow screens: the views and the rest of the top bar fold out below it.
    document.addEventListener('click', function (event) {
        const toggle = event.target.closest('[data-menu-toggle]');
        if (!toggle) return;
        const open = body.classList.toggle('nav-open');
        toggle.setAttribute('aria-expanded', String(open));
    });

    // Every state-changing htmx request carries the CSRF token, as every form does.
    document.addEventListener('htmx:configRequest', function (event) {
        const header = meta('csrf-header');
        const token = meta('csrf-token');
        if (header && token) event.detail.headers[header] = token;
    });
    document.addEventListener('htmx:responseError', function () { notice('failed'); });
    document.addEventListener('htmx:sendError', function () { notice('failed'); });

    // Live events: the server says which case changed; the parts of the page showing it reload.
    function connect() {
        const url = body.dataset.live;
        if (!url || !window.EventSource) return;
        const content = document.querySelector('[data-live-case]');
        const source = new EventSource(content ? url + '?case=' + encodeURIComponent(content.dataset.liveCase) : url);
        let connected = false;
        source.addEventListener('hello', function () {
            hideNotice();
            body.dataset.liveReady = 'true';
            // A stream that comes back after a drop missed what happened meanwhile.
            if (connected) refreshEverything();
            connected = true;
        });
        // The server's bus may have missed changes (its database connection dropped): same as a drop.
        source.addEventListener('missed', refreshEverything);
        source.addEventListener('case', function (event) {
            const data = JSON.parse(event.data);
            fire('cases-changed', data);
            fire('case-changed-' + data.number, data);
        });
        source.addEventListener('presence', function (event) {
            const data = JSON.parse(event.data);
            fire('presence-changed-' + data.number, data);
        });
        source.addEventListener('notification', function () { fire('notifications-changed', {}); });
        source.addEventListener('routing', function () { fire('routing-changed', {}); });
        source.addEventListener('contact', function (event) {
            const data = JSON.parse(event.data);
            fire('contact-changed-' + data.number, data);
        });
        source.addEventListener('queues', function () { fire('queues-changed', {}); });
        source.addEventListener('signed-out', function () {
            source.close();
            notice('signedOut', true);
            window.location.reload();
        });
        source.onerror = function () {
            body.dataset.liveReady = 'false';
            if (source.readyState === EventSource.CLOSED) {
                // Refused (signed out, or the case is gone): a reload shows why.
                window.setTimeout(function () { window.location.reload(); }, 3000);
            } else {
                notice('offline', true);
            }
        };
    }

    // Every live part of the page reloads, as if each change it listens for had happened.
    function refreshEverything() {
        const names = new Set(['cases-changed', 'notifications-changed', 'routing-changed', 'queues-changed']);
        document.querySelectorAll('[hx-trigger]').forEach(function (element) {
            (element.getAttribute('hx-trigger').match(/(case|presence|contact)-changed-\d+/g) || [])
                .forEach(function (name) { names.add(name); });
        });
        names.forEach(function (name) {
            const number = name.match(/\d+$/);
            fire(name, number ? {number: +number[0]} : {});
        });
    }

    // Keyboard: j/k move in lists, Enter opens, r reply, n note, a assign to me, / search, ? help.
    function typing(target) {
        return target.closest('input, textarea, select, [contenteditable=true]') !== null;
    }

    function rows() {
        return Array.from(document.querySelectorAll('#results tr.case-row'));
    }

    let selectedNumber = null;

    function select(row) {
        rows().forEach(function (r) { r.classList.remove('selected'); });
        if (!row) return;
        row.classList.add('selected');
        selectedNumber = row.dataset.number;
        const link = row.querySelector('a.case-link');
        if (link) link.focus();
    }

    function move(step) {
        const all = rows();
        if (all.length === 0) return;
        const current = all.findIndex(function (r) { return r.classList.contains('selected'); });
        const next = current < 0 ? 0 : Math.min(all.length - 1, Math.max(0, current + step));
        select(all[next]);
    }

    function focusField(selector) {
        const field = document.querySelector(selector);
        if (!field) return false;
        field.scrollIntoView({block: 'center'});
        field.focus();
        return true;
    }

    document.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const help = document.getElementById('help');
        if (event.key === 'Escape') {
            if (typing(event.target)) event.target.blur();
            return;
        }
        if (typing(event.target) || (help && help.open)) return;
        switch (event.key) {
            case 'j': move(1); break;
            case 'k': move(-1); break;
            case 'Enter': {
                const selected = document.querySelector('#results tr.selected a.case-link');
                if (selected && document.activeElement !== selected) selected.click(); else return;
                break;
            }
            case '/': if (!focusField('[data-search]')) return; break;
            case 'r': if (!focusField('#reply-body')) return; break;
            case 'n': if (!focusField('#note-body')) return; break;
            case 'a': {
                const assign = document.querySelector('[data-shortcut="a"]');
                if (!assign) return;
                assign.click();
                break;
            }
            case '?': if (help) help.showModal(); break;
            default: return;
        }
        event.preventDefault();
    });

    document.addEventListener('click', function (event) {
        const opener = event.target.closest('[data-help-open]');
        if (opener) document.getElementById('help').showModal();
        const read = event.target.closest('[data-landed-read]');
        if (read) markRead();
    });

    document.addEventListener('focusin', function (event) {
        const row = event.target.closest && event.target.closest('#results tr.case-row');
        if (row) {
            rows().forEach(function (r) { r.classList.toggle('selected', r === row); });
            selectedNumber = row.dataset.number;
        }
    });

    // A list reloaded by a live event keeps the row the agent was on.
    document.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'results' || event.target.id === 'results') {
            if (selectedNumber) {
                const row = document.querySelector('#results tr.case-row[data-number="' + selectedNumber + '"]');
                if (row) row.classList.add('selected');
            }
        }
    });

    // Draft warning: something new landed on the case while a reply is being written.
    function replyBox() { return document.getElementById('reply-body'); }
    function seenInput() { return document.querySelector('#reply-form [data-seen]'); }

    function markRead() {
        const timeline = document.getElementById('timeline');
        const seen = seenInput();
        if (timeline && seen) seen.value = timeline.dataset.entries;
        const warning = document.getElementById('reply-landed-live');
        if (warning) warning.hidden = true;
    }

    function checkLanded() {
        const timeline = document.getElementById('timeline');
        const seen = seenInput();
        const box = replyBox();
        if (!timeline || !seen || !box) return;
        const conversation = parseInt(timeline.dataset.conversation, 10);
        if (conversation <= parseInt(seen.value, 10)) return;
        if (box.value.trim() === '') {
            markRead();
        } else {
            const warning = document.getElementById('reply-landed-live');
            if (warning) warning.hidden = false;
        }
    }

    document.addEventListener('htmx:oobAfterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'timeline') checkLanded();
    });

    // Keep what is being typed into the case's controls when the case changes under them.
    document.addEventListener('htmx:oobBeforeSwap', function (event) {
        const target = event.detail.target;
        if (target && target.id === 'case-header' && target.contains(document.activeElement)
                && document.activeElement.matches('input, textarea, select')) {
            event.detail.shouldSwap = false;
        }
        if (target && target.id === 'context' && target.querySelector('details[open] form')) {
            event.detail.shouldSwap = false;
        }
        if (target && event.detail.shouldSwap && event.detail.fragment) {
            carry(typedIn(target, null), event.detail.fragment);
        }
    });

    // What the agent typed is theirs. A part of the page that loads afresh (the case changed: a promise
    // kept, a message arrived) keeps every field typed into and not sent, by id, with the disclosure
    // around it open: only the form the agent sent shows what the server answered.
    function typedIn(root, sent) {
        const typed = [];
        root.querySelectorAll('input[id], textarea[id], select[id]').forEach(function (field) {
            if (sent && sent.contains(field)) return;
            if (field.type === 'hidden' || field.type === 'submit' || field.type === 'button') return;
            const changed = field.tagName === 'SELECT' ? chosen(field)
                : (field.type === 'checkbox' || field.type === 'radio') ? field.checked !== field.defaultChecked
                    : field.value !== field.defaultValue;
            const around = field.closest('details');
            if (changed) typed.push({id: field.id, tag: field.tagName, value: field.value, checked: field.checked,
                open: !!(around && around.open)});
        });
        return typed;
    }

    // Whether another option than the page's own is chosen: the one marked selected, else the first.
    function chosen(select) {
        if (select.multiple) {
            return Array.prototype.some.call(select.options, function (o) { return o.selected !== o.defaultSelected; });
        }
        const marked = Array.prototype.findIndex.call(select.options, function (o) { return o.defaultSelected; });
        return select.selectedIndex !== (marked < 0 ? 0 : marked);
    }

    function carry(typed, root) {
        typed.forEach(function (kept) {
            const fresh = root.querySelector('#' + CSS.escape(kept.id));
            if (!fresh || fresh.tagName !== kept.tag) return;
            if (fresh.type === 'checkbox' || fresh.type === 'radio') fresh.checked = kept.checked;
            else fresh.value = kept.value;
            const around = fresh.closest('details');
            if (around && kept.open) around.open = true;
        });
    }

    let typedBeforeSwap = [];
    document.addEventListener('htmx:beforeSwap', function (event) {
        const target = event.detail.target;
        const issuer = event.detail.requestConfig && event.detail.requestConfig.elt;
        const sent = issuer && issuer.closest ? issuer.closest('form') : null;
        typedBeforeSwap = target ? typedIn(target, sent) : [];
    });
    document.addEventListener('htmx:afterSwap', function () {
        carry(typedBeforeSwap, document);
        typedBeforeSwap = [];
    });

    // Presence: whether this agent is writing a reply, and leaving when the page goes.
    let drafting = false;
    document.addEventListener('input', function (event) {
        if (event.target.id !== 'reply-body') return;
        const now = event.target.value.trim() !== '';
        if (now !== drafting) {
            drafting = now;
            const flag = document.getElementById('drafting');
            if (flag) flag.value = String(now);
            fire('drafting-changed', {drafting: now});
        }
    });
    document.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'reply-form' && replyBox() && replyBox().value.trim() === '') {
            if (drafting) {
                drafting = false;
                const flag = document.getElementById('drafting');
                if (flag) flag.value = 'false';
                fire('drafting-changed', {drafting: false});
            }
        }
    });
    window.addEventListener('pagehide', function () {
        const beat = document.getElementById('presence-beat');
        const param = meta('csrf-param');
        const token = meta('csrf-token');
        if (!beat || !navigator.sendBeacon || !param || !token) return;
        const data = new URLSearchParams();
        data.append(param, token);
        navigator.sendBeacon(beat.dataset.leave, data);
    });

    // Times in the agent's own zone and language; the server's text is the fallback.
    function localTimes(root) {
        if (!window.Intl) return;
        const format = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
        root.querySelectorAll('time[datetime]').forEach(function (time) {
            const date = new Date(time.getAttribute('datetime'));
            if (!isNaN(date)) time.title = format.format(date);
        });
    }
    document.addEventListener('htmx:load', function (event) { localTimes(event.detail.elt); });

    let started = false;
    function start() {
        if (started) return;
        started = true;
        localTimes(document);
        connect();
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
