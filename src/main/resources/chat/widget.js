/*! Casekeeper chat widget: <script src="https://<casekeeper>/widget.js" data-mailbox="support@example.com" async></script>
 * (The portal adds data-token, a chat it started on the customer's case, and data-open, to open the panel at once.)
 * Plain JavaScript, no framework, no other downloads; styles live in a shadow root. The protocol is in docs/chat.md.
 * Customer and agent text is only ever set as text (textContent), never as HTML. */
(function () {
    'use strict';
    var script = document.currentScript;
    if (!script || window.casekeeperChat) return;
    var mailbox = script.getAttribute('data-mailbox');
    if (!mailbox) return;
    var origin = new URL(script.src, location.href);
    var url = (origin.protocol === 'https:' ? 'wss://' : 'ws://') + origin.host + '/chat/ws';
    var key = 'casekeeper.chat.' + mailbox.toLowerCase();
    var saved = load();
    var texts = {open: 'Chat', close: '×'};
    var socket = null, ready = false, retry = 0, pingTimer = null, typingTimer = null, typingSent = 0, typingOff = null;
    var seen = {}, after = 0, shown = 0, history = 0, counter = 0, state = 'new', available = true, started = false, startFrame = null,
        offlineFrame = null;
    window.casekeeperChat = {version: 1};

    function load() {
        try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
    }
    function save() {
        try { localStorage.setItem(key, JSON.stringify({token: saved.token, pending: saved.pending || []})); } catch (e) { /* private mode */ }
    }
    saved.pending = saved.pending || [];
    // The portal hands its page a chat it started on the customer's case: that chat, not one before.
    var given = script.getAttribute('data-token');
    if (given && given !== saved.token) { saved = {token: given, pending: []}; save(); }

    // --- the elements -----------------------------------------------------------------------------
    var host = document.createElement('div');
    host.setAttribute('data-casekeeper-chat', '');
    var root = host.attachShadow ? host.attachShadow({mode: 'open'}) : host;
    var css = ':host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif}' +
        '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:#1f5fbf;color:#fff;' +
        'cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3);z-index:2147483646}.launcher svg{width:28px;height:28px;fill:currentColor}' +
        '.launcher:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #f5a623;outline-offset:2px}' +
        '.panel{position:fixed;right:20px;bottom:88px;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 110px);' +
        'display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:10px;box-shadow:0 4px 20px rgba(0,0,0,.25);' +
        'z-index:2147483647;overflow-y:auto;overscroll-behavior:contain}.panel[hidden],[hidden]{display:none!important}' +
        '.panel>*{flex:0 0 auto}.panel>.log{flex:1 1 0;min-height:4em}' +
        '@media (max-width:480px),(max-height:560px){.panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;max-width:none;' +
        'max-height:none;border-radius:0}}' +
        'header{position:sticky;top:0;z-index:1;display:flex;align-items:center;justify-content:space-between;padding:10px 12px;' +
        'background:#1f5fbf;color:#fff}' +
        'header h2{margin:0;font-size:16px;font-weight:600}header button{background:none;border:0;color:#fff;font-size:20px;cursor:pointer}' +
        '.log{flex:1;overflow-y:auto;padding:10px 12px;margin:0;list-style:none}.log li{margin:6px 0;max-width:85%;padding:6px 10px;' +
        'border-radius:8px;white-space:pre-wrap;word-wrap:break-word}.log .customer{margin-left:auto;background:#e3edfb}' +
        '.log .agent{background:#f0f0f0}.log .system{max-width:100%;background:none;color:#555;font-style:italic;text-align:center;padding:2px}' +
        '.log .pending{opacity:.6}.log .files{margin:4px 0 0;padding-left:16px}.log .files a{color:inherit}.who{display:block;font-size:12px;color:#555}.status{padding:4px 12px;color:#444;font-size:13px;min-height:1.4em}' +
        'form{padding:8px 12px;border-top:1px solid #ddd;display:flex;flex-direction:column;gap:6px}label{font-size:12px;color:#444}' +
        'input,textarea,select{width:100%;padding:6px 8px;border:1px solid #999;border-radius:6px;color:#1a1a1a;background:#fff}textarea{resize:none}' +
        '.row{display:flex;gap:6px;flex-wrap:wrap}.row button,form>button{padding:6px 10px;border-radius:6px;border:1px solid #1f5fbf;' +
        'background:#1f5fbf;color:#fff;cursor:pointer}.row .quiet{background:#fff;color:#1f5fbf}.offline{padding:8px 12px;background:#fff8e1}' +
        '.suggest p{margin:0;font-size:12px;color:#444}.suggest ul{margin:2px 0 0;padding-left:18px}.suggest a{color:#1f5fbf}';
    // A constructed style sheet where the browser has them: pages whose policy forbids inline styles
    // (Casekeeper's own portal) still show the widget styled.
    if (root.adoptedStyleSheets && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
    } else {
        var style = document.createElement('style');
        style.textContent = css;
        root.appendChild(style);
    }

    function el(tag, attrs, parent) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            if (name === 'text') node.textContent = attrs[name]; else node.setAttribute(name, attrs[name]);
        });
        if (parent) parent.appendChild(node);
        return node;
    }

    var launcher = el('button', {type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'ck-panel',
        'aria-label': texts.open}, root);
    launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
    var panel = el('div', {'class': 'panel', id: 'ck-panel', role: 'dialog', 'aria-labelledby': 'ck-title', hidden: ''}, root);
    var header = el('header', {}, panel);
    var title = el('h2', {id: 'ck-title'}, header);
    var close = el('button', {type: 'button', 'class': 'close', text: '×'}, header);
    // A list (role=log would make its items orphans), live, and focusable so a keyboard can scroll it.
    var log = el('ol', {'class': 'log', 'aria-live': 'polite', tabindex: '0', 'aria-label': texts.title}, panel);
    var status = el('p', {'class': 'status', role: 'status'}, panel);
    var offline = el('div', {'class': 'offline', hidden: ''}, panel);
    var offlineText = el('p', {}, offline);
    var offlineRow = el('div', {'class': 'row'}, offline);
    var leaveMessage = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'leave-message'}, offlineRow);
    var askCallback = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'callback'}, offlineRow);

    var intro = el('form', {'class': 'intro'}, panel);
    var introText = el('p', {}, intro);
    function field(form, name, type) {
        var label = el('label', {'for': 'ck-' + name}, form);
        var input = el(type === 'textarea' ? 'textarea' : 'input', {id: 'ck-' + name, name: name}, form);
        if (type !== 'textarea') input.type = type;
        return {label: label, input: input};
    }
    var nameField = field(intro, 'name', 'text'), emailField = field(intro, 'email', 'email'), topicField = field(intro, 'topic', 'text');
    // The help center's articles for the topic as it is typed (their titles as text, links to a new tab).
    var suggestBox = el('div', {'class': 'suggest', 'aria-live': 'polite', hidden: ''}, intro);
    var suggestText = el('p', {}, suggestBox);
    var suggestList = el('ul', {}, suggestBox);
    var startButton = el('button', {type: 'submit'}, intro);

    var composer = el('form', {'class': 'composer', hidden: ''}, panel);
    var messageField = field(composer, 'message', 'textarea');
    messageField.input.rows = 2;
    messageField.input.maxLength = 2000;
    var row = el('div', {'class': 'row'}, composer);
    var send = el('button', {type: 'submit', 'data-action': 'send'}, row);
    var supervisor = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'supervisor', hidden: ''}, row);
    var leave = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'leave', hidden: ''}, row);
    var callInstead = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'call-instead', hidden: ''}, row);

    var contact = el('form', {'class': 'contact', hidden: ''}, panel);
    var contactText = el('p', {}, contact);
    var contactMessage = field(contact, 'offline-message', 'textarea');
    var contactEmail = field(contact, 'offline-email', 'email');
    var contactPhone = field(contact, 'offline-phone', 'tel');
    var windowLabel = el('label', {'for': 'ck-callback-window'}, contact);
    var windowSelect = el('select', {id: 'ck-callback-window', name: 'callback-window'}, contact);
    var contactSend = el('button', {type: 'submit'}, contact);
    var newChat = el('button', {type: 'button', 'class': 'quiet', 'data-action': 'new-chat', hidden: ''}, panel);
    // The end screen of a solved case's chat: one link per rating to the signed rating page (a new tab).
    var rating = el('div', {'class': 'rating', hidden: ''}, panel);
    var ratingText = el('p', {}, rating);
    var ratingRow = el('div', {'class': 'row'}, rating);
    var ratingLinks = ['good', 'okay', 'bad'].map(function (score) {
        return el('a', {'data-score': score, target: '_blank', rel: 'noopener'}, ratingRow);
    });
    function showRating(url) {
        ratingText.textContent = t('rate');
        ratingLinks.forEach(function (a) {
            a.textContent = t('rate.' + a.getAttribute('data-score'));
            a.href = url + '?score=' + a.getAttribute('data-score');
        });
        rating.hidden = false;
    }

    function t(name, arg) {
        var text = texts[name] || '';
        return arg === undefined ? text : text.replace('{0}', arg);
    }
    function applyTexts() {
        launcher.setAttribute('aria-label', t('open'));
        title.textContent = t('title');
        close.setAttribute('aria-label', t('close'));
        introText.textContent = t('intro');
        nameField.label.textContent = t('name');
        emailField.label.textContent = t('email');
        topicField.label.textContent = t('topic');
        startButton.textContent = t('start');
        messageField.label.textContent = t('message');
        send.textContent = t('send');
        supervisor.textContent = t('supervisor');
        leave.textContent = t('leave');
        callInstead.textContent = t('callbackInstead');
        windowLabel.textContent = t('callbackWindow');
        offlineText.textContent = t('unavailable');
        leaveMessage.textContent = t('leaveMessage');
        askCallback.textContent = t('callback');
        contactMessage.label.textContent = t('message');
        contactEmail.label.textContent = t('email');
        contactPhone.label.textContent = t('phone');
        newChat.textContent = t('newChat');
    }

    // --- what is shown ------------------------------------------------------------------------------
    function show() {
        var talking = state === 'waiting' || state === 'chatting';
        intro.hidden = talking || started || state === 'ended' || !contact.hidden;
        composer.hidden = !(talking || started) || state === 'ended' || !contact.hidden;
        supervisor.hidden = leave.hidden = !talking;
        callInstead.hidden = state !== 'waiting';
        offline.hidden = available || talking || state === 'ended' || !contact.hidden;
        newChat.hidden = state !== 'ended';
        if (state !== 'ended') rating.hidden = true;
    }

    // Every line has a place: a numbered one (seq) its number; a line of this widget alone (a
    // notice, an error) half a step after the highest number shown when it came; a message not yet
    // acknowledged the very end, until its acknowledgement gives it its number.
    function place(item, order) {
        item.setAttribute('data-order', order);
        var later = null;
        Array.prototype.some.call(log.children, function (other) {
            if (other !== item && +other.getAttribute('data-order') > order) { later = other; return true; }
            return false;
        });
        log.insertBefore(item, later);
        log.scrollTop = log.scrollHeight;
    }

    function line(seq, cls, who, text) {
        var item = el('li', {'class': cls});
        if (seq) item.setAttribute('data-seq', seq);
        if (who) el('span', {'class': 'who', text: who}, item);
        item.appendChild(document.createTextNode(text));
        if (seq) shown = Math.max(shown, seq);
        place(item, seq || (cls.indexOf('pending') >= 0 ? Number.MAX_SAFE_INTEGER : shown + 0.5));
        return item;
    }

    function system(text) {
        line(0, 'system', null, text);
    }

    function received(m) {
        if (seen[m.seq]) return;
        seen[m.seq] = true;
        while (seen[after + 1]) after++;
        if (m.from === 'customer') {
            var mine = m.id && log.querySelector('[data-id="' + CSS.escape(m.id) + '"]');
            if (mine) { mine.remove(); }
            line(m.seq, 'customer', t('you'), m.text);
        } else if (m.from === 'agent') {
            var said = line(m.seq, 'agent', m.name, m.text);
            if (m.files && m.files.length) {
                // Signed links of the desk's own origin: the page the widget is on has no say in them.
                var list = el('ul', {'class': 'files', 'aria-label': t('files')}, said);
                m.files.forEach(function (f) {
                    el('a', {href: origin.origin + f.url, download: f.name, rel: 'noopener', target: '_blank', text: f.name},
                        el('li', {}, list));
                });
            }
        } else if (m.event === 'joined' || m.event === 'agent-left') {
            line(m.seq, 'system', null, t(m.event === 'joined' ? 'joined' : 'agentLeft', m.name));
        } else if (m.event) {
            // Notices from the desk (on hold, transferred…) are numbered lines too, shown with the notice's text.
            var key = m.event === 'supervisor-requested' ? 'event.supervisor-requested' : (texts['notice.' + m.event] ? 'notice.' + m.event : m.event);
            line(m.seq, 'system', null, t(key));
        }
    }

    function pendingLine(p) {
        var item = line(0, 'customer pending', t('you'), p.text);
        item.setAttribute('data-id', p.id);
        item.title = t('notSent');
        return item;
    }

    // --- the connection -----------------------------------------------------------------------------
    function connect() {
        if (socket) return;
        socket = new WebSocket(url);
        socket.onopen = function () {
            retry = 0;
            var hello = {type: 'hello', mailbox: mailbox, after: after, lang: navigator.language};
            if (saved.token) hello.token = saved.token;
            socket.send(JSON.stringify(hello));
            pingTimer = setInterval(function () { transmit({type: 'ping'}); }, 25000);
        };
        socket.onmessage = function (event) {
            var frame;
            try { frame = JSON.parse(event.data); } catch (e) { return; }
            handle(frame);
        };
        socket.onclose = function () {
            socket = null;
            ready = false;
            clearInterval(pingTimer);
            if (state === 'ended' && !saved.pending.length) return;
            if (!refusedUntil) status.textContent = t('reconnecting');
            retry = Math.min(retry + 1, 5);
            var delay = Math.max(500 * Math.pow(2, retry), refusedUntil - Date.now());
            refusedUntil = 0;
            setTimeout(connect, delay);
        };
    }

    function transmit(frame) {
        if (socket && ready) socket.send(JSON.stringify(frame));
    }
    var refusedUntil = 0;

    function handle(f) {
        switch (f.type) {
            case 'welcome':
                texts = f.texts || texts;
                applyTexts();
                saved.token = f.token;
                save();
                state = f.state;
                // A chat that belongs to a case already (started from the portal) has nothing to ask first.
                if (f.known && state === 'new') started = true;
                available = f.available;
                history = f.last || 0;
                ready = true;
                status.textContent = '';
                saved.pending.forEach(function (p) { transmit({type: 'message', id: p.id, text: p.text}); });
                show();
                break;
            case 'message': received(f); break;
            case 'ack':
                saved.pending = saved.pending.filter(function (p) { return p.id !== f.id; });
                save();
                if (f.seq) {
                    var item = log.querySelector('[data-id="' + CSS.escape(f.id) + '"]');
                    if (item && !seen[f.seq]) {
                        item.classList.remove('pending');
                        item.removeAttribute('title');
                        item.setAttribute('data-seq', f.seq);
                        seen[f.seq] = true;
                        while (seen[after + 1]) after++;
                        shown = Math.max(shown, f.seq);
                        place(item, f.seq);
                    } else if (item) {
                        item.remove();
                    }
                    if (state === 'new') { state = 'waiting'; show(); }
                }
                break;
            case 'queue':
                available = f.available;
                if (state === 'waiting') {
                    status.textContent = f.offered ? t('offered') : t('position', f.position) + ' ' +
                        (f.waitSeconds < 60 ? t('wait') : t('waitMinutes', Math.round(f.waitSeconds / 60)));
                }
                show();
                break;
            case 'refused':
                // A limit refused the connection: say so (the text came with the refusal) and come back later.
                status.textContent = f.text || '';
                refusedUntil = Date.now() + (f.retryIn || 0);
                break;
            case 'typing':
                clearTimeout(typingTimer);
                status.textContent = f.on ? t('typing', f.name || '') : '';
                if (f.on) typingTimer = setTimeout(function () { status.textContent = ''; }, 5000);
                break;
            case 'notice': system(t('notice.' + f.key)); break;
            case 'ended':
                state = 'ended';
                started = false;
                status.textContent = t('ended');
                if (f.rate) showRating(f.rate);
                show();
                break;
            case 'error':
                if (f.code === 'rate-limited') setTimeout(function () { resend(f.id); }, 3000);
                // The message stays pending and goes again when the limit allows.
                if (f.code === 'too-soon' || f.code === 'too-many-chats') {
                    setTimeout(function () {
                        if (offlineFrame && f.id === offlineFrame.id) transmit(offlineFrame);
                        else if (f.id) resend(f.id);
                        else if (startFrame) transmit(startFrame);
                    }, Math.max(f.retryIn || 0, 500));
                }
                if (f.code === 'too-long' || f.code === 'invalid' || f.code === 'rate-limited' || f.code === 'too-many-chats') {
                    system(t('error.' + f.code));
                }
                break;
        }
        // Live only: a "joined" replayed from the history after a reload says nothing about the chat now.
        if (f.type === 'message' && f.event === 'joined' && f.seq > history && state !== 'ended') {
            state = 'chatting'; status.textContent = ''; show();
        }
    }

    function resend(id) {
        saved.pending.forEach(function (p) { if (p.id === id) transmit({type: 'message', id: p.id, text: p.text}); });
    }

    function nextId() {
        counter++;
        return 'c-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) + '-' + counter;
    }

    // --- what the customer does ---------------------------------------------------------------------
    function toggle(open) {
        panel.hidden = !open;
        launcher.setAttribute('aria-expanded', String(open));
        if (open) {
            connect();
            show();
            var first = !intro.hidden ? nameField.input : messageField.input;
            setTimeout(function () { first.focus(); }, 0);
        } else {
            launcher.focus();
        }
    }
    launcher.addEventListener('click', function () { toggle(panel.hidden); });
    close.addEventListener('click', function () { toggle(false); });
    panel.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') { event.preventDefault(); toggle(false); }
    });

    // --- suggested articles and deflections ----------------------------------------------------------
    // Like the web form: an article the customer opens from here, when she then leaves the page without
    // starting the chat, is reported as a deflection (the question the article answered).
    var viewed = {}, asked = '', suggestTimer = null, chatted = false;
    function suggest() {
        var q = topicField.input.value.trim();
        if (q === asked) return;
        asked = q;
        if (!q || !window.fetch) { suggestBox.hidden = true; return; }
        fetch(origin.origin + '/help/suggestions?from=chat&q=' + encodeURIComponent(q),
            {headers: {'Accept': 'application/json'}, credentials: 'omit'})
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (articles) { if (asked === q) showSuggestions(articles); })
            .catch(function () { /* No suggestions this time: the chat works without them. */ });
    }
    function showSuggestions(articles) {
        suggestList.textContent = '';
        articles.forEach(function (a) {
            if (!/^https?:\/\//.test(a.url)) return;
            el('a', {href: a.url, target: '_blank', rel: 'noopener', 'data-help-article': String(a.number), text: a.title},
                el('li', {}, suggestList));
        });
        suggestText.textContent = t('suggested');
        suggestBox.hidden = suggestList.children.length === 0;
    }
    topicField.input.addEventListener('input', function () {
        clearTimeout(suggestTimer);
        suggestTimer = setTimeout(suggest, 300);
    });
    suggestList.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('[data-help-article]');
        if (link) viewed[link.getAttribute('data-help-article')] = true;
    });
    window.addEventListener('pagehide', function () {
        var numbers = Object.keys(viewed);
        if (chatted || numbers.length === 0 || !navigator.sendBeacon) return;
        navigator.sendBeacon(origin.origin + '/help/deflections', new URLSearchParams({articles: numbers.join(','), from: 'chat'}));
        viewed = {};
    });

    intro.addEventListener('submit', function (event) {
        event.preventDefault();
        startFrame = {type: 'start', name: nameField.input.value, email: emailField.input.value, topic: topicField.input.value};
        transmit(startFrame);
        chatted = true;
        started = true;
        show();
        messageField.input.focus();
    });

    composer.addEventListener('submit', function (event) {
        event.preventDefault();
        var text = messageField.input.value.trim();
        if (!text) return;
        var p = {id: nextId(), text: text};
        saved.pending.push(p);
        save();
        pendingLine(p);
        messageField.input.value = '';
        transmit({type: 'message', id: p.id, text: p.text});
        transmit({type: 'typing', on: false});
        typingSent = 0;
    });
    messageField.input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); composer.requestSubmit(); }
    });
    messageField.input.addEventListener('input', function () {
        var now = Date.now();
        if (now - typingSent > 2000) { transmit({type: 'typing', on: true}); typingSent = now; }
        clearTimeout(typingOff);
        typingOff = setTimeout(function () { transmit({type: 'typing', on: false}); typingSent = 0; }, 3000);
    });
    supervisor.addEventListener('click', function () { transmit({type: 'supervisor', id: nextId()}); });
    leave.addEventListener('click', function () { transmit({type: 'leave', email: emailField.input.value}); });
    newChat.addEventListener('click', function () {
        connect();
        state = 'new';
        log.textContent = '';
        seen = {};
        after = 0;
        shown = 0;
        history = 0;
        status.textContent = '';
        show();
    });

    // The windows offered for a call back, in the visitor's own time: the next two hours, then two-hour
    // slots in working hours today and the next two days. Sent as instants, so the desk keeps the promise.
    function windows() {
        var now = new Date(), list = [{from: now, until: new Date(now.getTime() + 2 * 3600 * 1000), label: t('callbackSoon')}];
        for (var day = 0; day < 3; day++) {
            for (var hour = 9; hour < 19; hour += 2) {
                var from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, hour);
                if (from.getTime() < now.getTime() + 2 * 3600 * 1000) continue;
                var until = new Date(from.getTime() + 2 * 3600 * 1000);
                list.push({from: from, until: until, label: from.toLocaleDateString(undefined, {weekday: 'short', day: 'numeric', month: 'short'}) +
                    ' ' + from.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'}) +
                    '–' + until.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'})});
            }
        }
        return list;
    }
    var offered = [];
    var contactMode = 'message';
    function ask(mode) {
        contactMode = mode;
        contact.hidden = false;
        contactText.textContent = t(mode === 'message' ? 'leaveMessage' : 'callback');
        contactEmail.label.hidden = contactEmail.input.hidden = false;
        contactPhone.label.hidden = contactPhone.input.hidden = mode === 'message';
        windowLabel.hidden = windowSelect.hidden = mode === 'message';
        contactMessage.label.hidden = contactMessage.input.hidden = mode !== 'message' && state === 'waiting';
        if (mode !== 'message') {
            offered = windows();
            windowSelect.textContent = '';
            offered.forEach(function (w, i) { el('option', {value: String(i), text: w.label}, windowSelect); });
        }
        contactSend.textContent = t(mode === 'message' ? 'leaveMessageSend' : 'callbackSend');
        show();
        contactMessage.input.focus();
    }
    leaveMessage.addEventListener('click', function () { ask('message'); });
    askCallback.addEventListener('click', function () { ask('callback'); });
    callInstead.addEventListener('click', function () { ask('callback'); });
    contact.addEventListener('submit', function (event) {
        event.preventDefault();
        var email = contactEmail.input.value.trim();
        var phone = contactMode === 'callback' ? contactPhone.input.value.trim() : '';
        if (!email && !phone) { system(t('needContact')); return; }
        if (contactMode === 'callback') {
            var chosen = offered[+windowSelect.value] || offered[0];
            var ask = {email: email, phone: phone, from: chosen.from.toISOString(), until: chosen.until.toISOString()};
            if (state === 'waiting') {
                ask.type = 'leave';
                transmit(ask);
            } else {
                offlineFrame = ask;
                ask.type = 'offline';
                ask.id = nextId();
                ask.text = contactMessage.input.value.trim() || t('callback');
                ask.name = nameField.input.value;
                transmit(ask);
            }
            system(t('callbackPlanned', chosen.label));
            contact.hidden = true;
            state = 'ended';
            show();
            return;
        }
        offlineFrame = {type: 'offline', id: nextId(), text: contactMessage.input.value.trim() || t(contactMode === 'message' ? 'leaveMessage' : 'callback'),
            name: nameField.input.value, email: email, phone: phone};
        transmit(offlineFrame);
        contact.hidden = true;
        state = 'ended';
        show();
    });

    applyTexts();
    saved.pending.forEach(pendingLine);
    (document.body || document.documentElement).appendChild(host);
    // A returning visitor's chat goes on where it was: connect at once when this browser has one.
    if (saved.token) connect();
    if (script.hasAttribute('data-open')) toggle(true);
})();
