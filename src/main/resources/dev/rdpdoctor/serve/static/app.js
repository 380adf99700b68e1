// rdp-doctor serve: conveniences only; every page works without this script.
(function () {
  'use strict';
  // a Redact checkbox applies itself; its Apply button is then not needed
  document.querySelectorAll('input[data-autosubmit]').forEach(function (box) {
    box.addEventListener('change', function () { box.form.submit(); });
  });
  document.querySelectorAll('.js-hide').forEach(function (el) { el.hidden = true; });
  // Copy the Markdown to the clipboard
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy Markdown'; }, 2000);
      });
    });
  });
  // the knowledge base's search filters as one types; the form still searches on the server
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var items = document.querySelectorAll(input.getAttribute('data-filter'));
    input.addEventListener('input', function () {
      var needle = input.value.trim().toLowerCase();
      items.forEach(function (item) {
        item.hidden = needle !== '' && item.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  });
}());
