// The inbox reloads its lists when the views move on (sse:inbox-push, sse:delegation-board). A reload while
// someone writes a reason for declining would throw their text away, so it waits until they are done: the next
// change reloads the lists again.
(function () {
    'use strict';

    document.addEventListener('htmx:beforeRequest', function (event) {
        var lists = event.detail.elt;
        if (!lists || lists.id !== 'inbox-lists') {
            return;
        }
        var busy = lists.querySelector('details.decline[open]')
            || Array.prototype.some.call(lists.querySelectorAll('textarea'), function (area) {
                return area.value.trim() !== '' || area === document.activeElement;
            });
        if (busy) {
            event.preventDefault();
        }
    });
}());
