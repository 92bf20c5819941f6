// The chat panel of a chat case's page: a WebSocket to /chat/agent/ws (protocol in docs/chat.md).
// Messages are shown once each, in their numbered order; the agent's messages are kept until the
// server acknowledges them and sent again after a reconnect. All text is set as text, never HTML.
(function () {
    'use strict';
    const panel = document.querySelector('[data-chat-case]');
    if (!panel || panel.dataset.chatStarted) return;
    panel.dataset.chatStarted = 'true';
    const log = panel.querySelector('[data-chat-log]');
    const stateLine = panel.querySelector('[data-chat-state]');
    const typingLine = panel.querySelector('[data-chat-typing]');
    const form = panel.querySelector('[data-chat-form]');
    const input = panel.querySelector('[data-chat-input]');
    const watching = panel.querySelector('[data-chat-watching]');
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/agent/ws?case=' + panel.dataset.chatCase;
    const seen = new Set();
    let after = 0, socket = null, ready = false, retry = 0, counter = 0, typingSent = 0, typingOff = null, typingClear = null;
    const pending = [];

    function text(name, arg) {
        const value = panel.dataset['text' + name.replace(/(^|-)([a-z])/g, (m, d, c) => c.toUpperCase())] || '';
        return arg === undefined ? value : value.replace('{0}', arg);
    }

    function line(seq, css, who, body) {
        const item = document.createElement('li');
        item.className = 'chat-line chat-' + css;
        if (seq) item.dataset.seq = seq;
        if (who) {
            const name = document.createElement('strong');
            name.className = 'chat-who';
            name.textContent = who;
            item.append(name, ' ');
        }
        item.append(document.createTextNode(body));
        const later = Array.from(log.children).find(other => !other.dataset.seq || +other.dataset.seq > seq);
        log.insertBefore(item, seq ? later || null : null);
        log.scrollTop = log.scrollHeight;
        return item;
    }

    function received(m) {
        if (seen.has(m.seq)) return;
        seen.add(m.seq);
        while (seen.has(after + 1)) after++;
        if (m.from === 'customer') line(m.seq, 'customer', m.name || text('customer'), m.text);
        else if (m.from === 'agent') {
            const mine = m.id && log.querySelector('[data-id="' + CSS.escape(m.id) + '"]');
            if (mine) mine.remove();
            line(m.seq, 'agent', m.name, m.text);
        } else if (m.event === 'joined' || m.event === 'agent-left') line(m.seq, 'system', null, text(m.event, m.name));
        else if (m.event) line(m.seq, 'system', null, text(m.event));
    }

    function connect() {
        socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({type: 'hello', after: after}));
        socket.onmessage = event => handle(JSON.parse(event.data));
        socket.onclose = () => {
            ready = false;
            socket = null;
            if (stateLine.dataset.state === 'ended') return;
            stateLine.textContent = text('reconnecting');
            retry = Math.min(retry + 1, 5);
            setTimeout(connect, 500 * Math.pow(2, retry));
        };
    }

    function transmit(frame) {
        if (socket && ready) socket.send(JSON.stringify(frame));
    }

    function setState(state) {
        stateLine.dataset.state = state;
        stateLine.textContent = text('state-' + state);
        if (state === 'ended') form.hidden = true;
    }

    function handle(f) {
        switch (f.type) {
            case 'welcome':
                ready = true;
                retry = 0;
                setState(f.state);
                form.hidden = !f.mayWrite || f.state === 'ended';
                watching.hidden = f.mayWrite || f.state === 'ended';
                pending.forEach(p => transmit({type: 'message', id: p.id, text: p.text}));
                break;
            case 'message':
                received(f);
                if (f.event === 'joined') setState('chatting');
                break;
            case 'ack': {
                const index = pending.findIndex(p => p.id === f.id);
                if (index >= 0) pending.splice(index, 1);
                const item = log.querySelector('[data-id="' + CSS.escape(f.id) + '"]');
                if (item && !seen.has(f.seq)) {
                    item.classList.remove('chat-pending');
                    item.removeAttribute('title');
                    item.dataset.seq = f.seq;
                    seen.add(f.seq);
                    while (seen.has(after + 1)) after++;
                } else if (item) item.remove();
                break;
            }
            case 'typing':
                clearTimeout(typingClear);
                typingLine.textContent = f.on ? (f.name ? text('colleague-typing', f.name) : text('typing')) : '';
                if (f.on) typingClear = setTimeout(() => { typingLine.textContent = ''; }, 5000);
                break;
            case 'queue':
                if (stateLine.dataset.state === 'waiting') stateLine.textContent = text('state-waiting') + ' · ' + text('position', f.position);
                break;
            case 'ended': setState('ended'); break;
            case 'error': {
                const item = f.id && log.querySelector('[data-id="' + CSS.escape(f.id) + '"]');
                if (item) item.title = text('refused', f.code);
                if (f.id && f.code !== 'rate-limited') {
                    const index = pending.findIndex(p => p.id === f.id);
                    if (index >= 0) pending.splice(index, 1);
                }
                break;
            }
        }
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        const body = input.value.trim();
        if (!body) return;
        counter++;
        const p = {id: 'a-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) + '-' + counter, text: body};
        pending.push(p);
        const item = line(0, 'agent chat-pending', text('you'), body);
        item.dataset.id = p.id;
        item.title = text('not-sent');
        input.value = '';
        transmit({type: 'message', id: p.id, text: p.text});
        transmit({type: 'typing', on: false});
        typingSent = 0;
    });
    input.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
        }
    });
    input.addEventListener('input', () => {
        const now = Date.now();
        if (now - typingSent > 2000) { transmit({type: 'typing', on: true}); typingSent = now; }
        clearTimeout(typingOff);
        typingOff = setTimeout(() => { transmit({type: 'typing', on: false}); typingSent = 0; }, 3000);
    });
    connect();
})();
