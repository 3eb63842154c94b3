// One-Point-Entry pages: the little behaviour htmx does not give. No inline script anywhere (the
// Content-Security-Policy forbids it), so everything a page needs beyond htmx lives here.
(function () {
    'use strict';

    // Every htmx request that changes something carries the CSRF token of the session.
    document.addEventListener('htmx:configRequest', function (event) {
        var header = document.querySelector('meta[name="csrf-header"]');
        var token = document.querySelector('meta[name="csrf-token"]');
        if (header && token) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // A refusal (4xx) comes back as a fragment that says what was wrong: show it instead of ignoring it.
    document.addEventListener('htmx:beforeSwap', function (event) {
        var status = event.detail.xhr.status;
        if (status === 400 || status === 409 || status === 412 || status === 422) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });

    // <form data-confirm="…">: a removal or a rebuild is asked about first. Caught before htmx's own handler (a
    // boosted form) and before the browser sends a plain one; without JavaScript the form is sent as it is.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var question = form && form.getAttribute && form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // <progress data-value="…"> and <meter data-value="…">: values set from data attributes, as inline
    // styles and scripts are not allowed.
    function applyValues(root) {
        root.querySelectorAll('[data-value]').forEach(function (el) {
            if ('value' in el) {
                el.value = el.getAttribute('data-value');
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () { applyValues(document); });
    document.addEventListener('htmx:afterSwap', function (event) { applyValues(event.target); });
}());
