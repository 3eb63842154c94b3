// The request form, the delegation page and the programme editor: after a refused action the refusal at the top
// takes the focus (and so the view), so the person reads why before looking for the marked fields.
(function () {
    'use strict';

    function focusRefusal(within) {
        var refusal = document.getElementById('refusal');
        if (refusal && (within === document || within.contains(refusal))) {
            refusal.focus();
        }
    }

    document.addEventListener('DOMContentLoaded', function () { focusRefusal(document); });
    // only after a swap that brought the refusal, not after a live region reloaded while someone types elsewhere
    document.addEventListener('htmx:afterSettle', function (event) {
        var swapped = event.detail && event.detail.elt;
        if (swapped && swapped.contains) {
            focusRefusal(swapped);
        }
    });
}());
