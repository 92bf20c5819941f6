// The chat panel of a case that has a chat: a WebSocket to /chat/agent/ws (protocol in docs/chat.md).
// Every line is shown once, in the server's numbered order (seq), whenever it arrives: after a
// reconnect or a reload too. Replies are written in the case page's composer; the panel tells the
// customer that the agent is typing there. All text is set as text, never HTML.
(function () {
    'use strict';
    const panel = document.querySelector('[data-chat-case]');
    if (!panel || panel.dataset.chatStarted) return;
    panel.dataset.chatStarted = 'true';
    const number = panel.dataset.chatCase;
    const log = panel.querySelector('[data-chat-log]');
    const stateLine = panel.querySelector('p[data-chat-state]');
    const typingLine = panel.querySelector('[data-chat-typing]');
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/agent/ws?case=' + number;
    const seen = new Set();
    let after = 0, history = 0, socket = null, retry = 0, typingSent = 0, typingOff = null, typingClear = null, mayWrite = false;
    // Whether the newest line is in view: then new lines keep it so, also when the log's size changes.
    let stuck = true;

    function text(name, arg) {
        const value = panel.dataset['text' + name.replace(/(^|-)([a-z])/g, (m, d, c) => c.toUpperCase())] || '';
        return arg === undefined ? value : value.replace('{0}', arg);
    }

    function toBottom() {
        if (stuck) log.scrollTop = log.scrollHeight;
    }
    log.addEventListener('scroll', () => {
        if (!swapping) stuck = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
    });
    if (window.ResizeObserver) new ResizeObserver(toBottom).observe(log);
    // The case page reloads the column around the panel when the case changes; the panel is kept
    // (hx-preserve) but moved, which resets its scroll position: put it back where the agent had it.
    let swapping = false, kept = 0;
    const keep = () => { if (!swapping) { swapping = true; kept = log.scrollTop; } };
    const restore = () => {
        if (!swapping || !log.isConnected) return;
        swapping = false;
        if (stuck) log.scrollTop = log.scrollHeight; else log.scrollTop = kept;
    };
    ['htmx:beforeSwap', 'htmx:oobBeforeSwap'].forEach(name => document.addEventListener(name, keep));
    ['htmx:afterSwap', 'htmx:oobAfterSwap', 'htmx:afterSettle'].forEach(name => document.addEventListener(name, restore));

    /** A numbered line goes before the first line with a higher number. */
    function line(seq, css, who, body) {
        const item = document.createElement('li');
        item.className = 'chat-line chat-' + css;
        item.dataset.seq = seq;
        if (who) {
            const name = document.createElement('strong');
            name.className = 'chat-who';
            name.textContent = who;
            item.append(name, ' ');
        }
        item.append(document.createTextNode(body));
        const later = Array.from(log.children).find(other => +other.dataset.seq > seq);
        log.insertBefore(item, later || null);
        toBottom();
        requestAnimationFrame(toBottom);
        return item;
    }

    function received(m) {
        if (seen.has(m.seq)) return;
        seen.add(m.seq);
        while (seen.has(after + 1)) after++;
        if (m.from === 'customer') line(m.seq, 'customer', m.name || text('customer'), m.text);
        else if (m.from === 'agent') line(m.seq, 'agent', m.name, m.text);
        else if (m.event === 'joined' || m.event === 'agent-left') line(m.seq, 'system', null, text(m.event, m.name));
        else if (m.event) line(m.seq, 'system', null, text(m.event) || m.event);
    }

    function connect() {
        socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({type: 'hello', after: after}));
        socket.onmessage = event => handle(JSON.parse(event.data));
        socket.onclose = () => {
            socket = null;
            if (stateLine.dataset.state === 'ended') return;
            stateLine.textContent = text('reconnecting');
            retry = Math.min(retry + 1, 5);
            setTimeout(connect, 500 * Math.pow(2, retry));
        };
    }

    function transmit(frame) {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    }

    /** The chat's state as the server says it; an ended chat stays ended, whatever history replays. */
    function setState(state) {
        const before = stateLine.dataset.state;
        if (before === 'ended' && state !== 'ended') return;
        stateLine.dataset.state = state;
        stateLine.textContent = text('state-' + state);
        // The composer says where a reply goes: it reloads when the chat changes.
        if (before !== state) document.body.dispatchEvent(new CustomEvent('chat-changed-' + number, {bubbles: true}));
    }

    function handle(f) {
        switch (f.type) {
            case 'welcome':
                retry = 0;
                history = f.last || 0;
                mayWrite = f.mayWrite && f.state !== 'ended';
                setState(f.state);
                break;
            case 'message':
                received(f);
                break;
            case 'typing':
                clearTimeout(typingClear);
                typingLine.textContent = f.on ? (f.name ? text('colleague-typing', f.name) : text('typing')) : '';
                if (f.on) typingClear = setTimeout(() => { typingLine.textContent = ''; }, 5000);
                break;
            case 'queue':
                if (stateLine.dataset.state === 'waiting') {
                    stateLine.textContent = text('state-waiting') + ' · ' + (f.offered ? text('offered') : text('position', f.position));
                }
                break;
            case 'ended': setState('ended'); break;
        }
        // Live only: a "joined" replayed from the history says nothing about the chat now.
        if (f.type === 'message' && f.event === 'joined' && f.seq > history && stateLine.dataset.state === 'waiting') setState('chatting');
    }

    // The customer sees the agent typing in the case page's composer.
    document.addEventListener('input', event => {
        if (!mayWrite || !event.target.matches || !event.target.matches('#reply-body')) return;
        const now = Date.now();
        if (now - typingSent > 2000) { transmit({type: 'typing', on: true}); typingSent = now; }
        clearTimeout(typingOff);
        typingOff = setTimeout(() => { transmit({type: 'typing', on: false}); typingSent = 0; }, 3000);
    });
    document.addEventListener('submit', event => {
        if (mayWrite && event.target.id === 'reply-form') { transmit({type: 'typing', on: false}); typingSent = 0; }
    }, true);
    connect();
})();
