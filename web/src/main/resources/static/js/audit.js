// The timeline's time slider: while it moves, say which moment it stands on (in Copenhagen time, in the page's
// language) and put the same moment in the date-time field, so both controls always agree. htmx fetches the state.
(function () {
    'use strict';

    function words(seconds) {
        var lang = document.documentElement.lang || 'da';
        return new Intl.DateTimeFormat(lang, {
            timeZone: 'Europe/Copenhagen', dateStyle: 'medium', timeStyle: 'medium'
        }).format(new Date(seconds * 1000));
    }

    function local(seconds) {
        // Swedish formats as YYYY-MM-DD HH:MM:SS, the shape a datetime-local value takes
        return new Intl.DateTimeFormat('sv-SE', {
            timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit',
            hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
        }).format(new Date(seconds * 1000)).replace(' ', 'T');
    }

    document.addEventListener('input', function (event) {
        var slider = event.target;
        if (slider.id !== 'asof-slider') {
            return;
        }
        var seconds = Number(slider.value);
        var output = document.getElementById('asof-output');
        var at = document.getElementById('asof-at');
        if (output) {
            output.textContent = words(seconds);
        }
        if (at) {
            at.value = local(seconds);
        }
    });
}());
