// The inbox reloads its lists when the views move on (sse:inbox-push, sse:delegation-board). A reload while
// someone writes a reason for declining would throw their text away, so it waits until they are done. A change that
// came meanwhile is caught up on as soon as they are: a new offer stayed out of the list until the next change.
(function () {
    'use strict';

    var missed = false;

    function busy(lists) {
        return lists.querySelector('details.decline[open]')
            || Array.prototype.some.call(lists.querySelectorAll('textarea'), function (area) {
                return area.value.trim() !== '' || area === document.activeElement;
            });
    }

    function catchUp() {
        var lists = document.getElementById('inbox-lists');
        if (missed && lists && !busy(lists) && window.htmx) {
            missed = false;
            window.htmx.trigger(lists, 'inbox-catch-up');
        }
    }

    document.addEventListener('htmx:beforeRequest', function (event) {
        var lists = event.detail.elt;
        if (!lists || lists.id !== 'inbox-lists') {
            return;
        }
        if (busy(lists)) {
            missed = true;
            event.preventDefault();
        }
    });
    // a decline panel closed, or a reason left empty: the lists may reload now
    document.addEventListener('toggle', function () { setTimeout(catchUp, 0); }, true);
    document.addEventListener('focusout', function () { setTimeout(catchUp, 0); });
}());
