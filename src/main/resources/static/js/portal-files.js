// Files dropped on the reply box's file field join the files picked with it, so a customer can drag
// a photo from her desktop. The server checks everything again; this only saves her the picker.
(function () {
    var zone = document.querySelector('[data-dropzone="files"]');
    var input = zone && zone.querySelector('input[type="file"]');
    if (!zone || !input || typeof DataTransfer === 'undefined') {
        return;
    }
    ['dragenter', 'dragover'].forEach(function (name) {
        zone.addEventListener(name, function (event) {
            event.preventDefault();
            zone.classList.add('portal-dropzone-over');
        });
    });
    ['dragleave', 'drop'].forEach(function (name) {
        zone.addEventListener(name, function () {
            zone.classList.remove('portal-dropzone-over');
        });
    });
    zone.addEventListener('drop', function (event) {
        event.preventDefault();
        var files = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (file) { files.items.add(file); });
        Array.prototype.forEach.call(event.dataTransfer.files, function (file) { files.items.add(file); });
        input.files = files.files;
    });
})();
