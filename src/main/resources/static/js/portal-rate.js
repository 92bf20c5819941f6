// The rating page opened from a link in the solve email with the score in it: send that score at
// once, so the customer's one click rates. Mail scanners that fetch links run no script, so they rate
// nothing; without script, the customer presses the button.
(function () {
    var form = document.querySelector('form[data-autosubmit="true"]');
    if (form && form.querySelector('input[name="score"]:checked')) {
        form.submit();
    }
})();
