// Files dropped on a file field's zone ([data-dropzone="files"]) join the files picked with it, so a
// customer in the portal or an agent in the composer can drag a file from the desktop. Listens on the
// document, so a form htmx swapped in works too. The server checks everything again; this only saves
// the picker.
(function () {
    if (typeof DataTransfer === 'undefined') {
        return;
    }
    function zoneOf(event) {
        var zone = event.target.closest && event.target.closest('[data-dropzone="files"]');
        return zone && zone.querySelector('input[type="file"]') ? zone : null;
    }
    ['dragenter', 'dragover'].forEach(function (name) {
        document.addEventListener(name, function (event) {
            var zone = zoneOf(event);
            if (zone) {
                event.preventDefault();
                zone.classList.add('dropzone-over');
            }
        });
    });
    ['dragleave', 'drop'].forEach(function (name) {
        document.addEventListener(name, function (event) {
            var zone = zoneOf(event);
            if (zone) {
                zone.classList.remove('dropzone-over');
            }
        });
    });
    document.addEventListener('drop', function (event) {
        var zone = zoneOf(event);
        if (!zone) {
            return;
        }
        event.preventDefault();
        var input = zone.querySelector('input[type="file"]');
        var files = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (file) { files.items.add(file); });
        Array.prototype.forEach.call(event.dataTransfer.files, function (file) { files.items.add(file); });
        input.files = files.files;
        input.dispatchEvent(new Event('change', {bubbles: true}));
    });
})();
