/*! Casekeeper web form: <script src="https://<casekeeper>/contact/embed.js" data-lang="de" async></script>
 * Renders the hosted form's fields where the tag is, in the page's language (data-lang, else the
 * browser's), and posts them to Casekeeper, which checks them as it checks /contact. Plain JavaScript,
 * no cookies; every text Casekeeper sends is set as text (textContent), never as HTML. docs/portal.md. */
(function () {
    'use strict';
    var script = document.currentScript;
    if (!script) return;
    var base = new URL(script.src, location.href).origin;
    var lang = script.getAttribute('data-lang') || '';
    var host = document.createElement('div');
    host.className = 'casekeeper-contact';
    host.setAttribute('data-state', 'loading');
    script.parentNode.insertBefore(host, script.nextSibling);
    var ticket = '';

    function el(tag, attrs, text) {
        var e = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
        if (text) e.textContent = text;
        return e;
    }

    function field(form, name, label, control, hint) {
        var box = el('div', {'class': 'casekeeper-field', 'data-field': name});
        control.id = 'casekeeper-contact-' + name;
        control.name = name;
        box.appendChild(el('label', {'for': control.id}, label));
        var error = el('p', {'class': 'casekeeper-error', id: control.id + '-error', hidden: ''});
        box.appendChild(error);
        if (hint) {
            box.appendChild(el('p', {'class': 'casekeeper-hint', id: control.id + '-hint'}, hint));
            control.setAttribute('aria-describedby', control.id + '-hint');
        }
        box.appendChild(control);
        form.appendChild(box);
    }

    function render(f) {
        var t = f.texts;
        ticket = f.ticket;
        host.textContent = '';
        host.setAttribute('lang', f.lang);
        host.appendChild(el('h2', {}, t.title));
        host.appendChild(el('p', {}, t.lede));
        var alert = el('p', {'class': 'casekeeper-alert', role: 'alert', id: 'casekeeper-contact-alert', hidden: ''});
        host.appendChild(alert);
        var form = el('form', {novalidate: '', id: 'casekeeper-contact-form'});
        field(form, 'name', t.name, el('input', {type: 'text', autocomplete: 'name', required: '', maxlength: '200'}));
        field(form, 'email', t.email, el('input', {type: 'email', autocomplete: 'email', required: ''}));
        var topic;
        if (f.topics.length) {
            topic = el('select', {required: ''});
            topic.appendChild(el('option', {value: ''}, t.topicPick));
            f.topics.forEach(function (o) { topic.appendChild(el('option', {value: o.id}, o.label)); });
        } else {
            topic = el('input', {type: 'text', required: '', maxlength: '200'});
        }
        field(form, 'topic', t.topic, topic);
        field(form, 'description', t.description, el('textarea', {rows: '6', required: ''}));
        field(form, 'files', t.files, el('input', {type: 'file', multiple: ''}), t.filesHint);
        // People never see this field; a robot that fills in every field gives itself away.
        var trap = el('div', {'aria-hidden': 'true', style: 'position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden'});
        trap.appendChild(el('label', {'for': 'casekeeper-contact-website'}, t.website));
        trap.appendChild(el('input', {type: 'text', id: 'casekeeper-contact-website', name: 'website', tabindex: '-1', autocomplete: 'off'}));
        form.appendChild(trap);
        var send = el('button', {type: 'submit', id: 'casekeeper-contact-submit'}, t.submit);
        form.appendChild(send);
        host.appendChild(form);
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var data = new FormData(form);
            data.append('ticket', ticket);
            data.append('lang', f.lang);
            send.disabled = true;
            fetch(base + '/contact/embed', {method: 'POST', body: data, credentials: 'omit'})
                .then(function (r) {
                    var next = r.headers.get('X-Contact-Ticket');
                    if (next) ticket = next;
                    return r.json().then(function (body) { return {status: r.status, body: body}; });
                })
                .then(function (answer) {
                    send.disabled = false;
                    if (answer.status === 201) sent(t, answer.body); else refused(form, alert, answer.body);
                })
                .catch(function () {
                    send.disabled = false;
                    alert.textContent = t.unavailable;
                    alert.hidden = false;
                });
        });
        host.setAttribute('data-state', 'ready');
    }

    function refused(form, alert, body) {
        alert.textContent = body.message;
        alert.hidden = false;
        Array.prototype.forEach.call(form.querySelectorAll('.casekeeper-field'), function (box) {
            var name = box.getAttribute('data-field');
            var control = box.querySelector('input,select,textarea');
            var error = box.querySelector('.casekeeper-error');
            var message = body.errors && body.errors[name];
            error.textContent = message || '';
            error.hidden = !message;
            if (message) {
                control.setAttribute('aria-invalid', 'true');
                control.setAttribute('aria-describedby', error.id);
            } else {
                control.removeAttribute('aria-invalid');
            }
        });
        host.setAttribute('data-state', 'refused');
    }

    function sent(t, body) {
        host.textContent = '';
        host.appendChild(el('h2', {}, t.sentTitle));
        var status = el('div', {role: 'status', id: 'casekeeper-contact-sent'});
        body.lines.forEach(function (line) { status.appendChild(el('p', {}, line)); });
        host.appendChild(status);
        host.setAttribute('data-state', 'sent');
        host.setAttribute('data-number', String(body.number));
    }

    fetch(base + '/contact/embed/form' + (lang ? '?lang=' + encodeURIComponent(lang) : ''), {credentials: 'omit'})
        .then(function (r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.json();
        })
        .then(render)
        .catch(function () {
            // Not allowed on this site (or Casekeeper cannot be reached): nothing to fill in.
            host.setAttribute('data-state', 'unavailable');
        });
})();
