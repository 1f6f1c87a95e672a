/* The import page's progress bar: polls how far the server has read the file while the preview or the confirmation runs. */
window.jalonImport = {
  timer: null,
  watch: function (url) {
    this.stop();
    var box = document.getElementById('readProgress');
    var status = document.getElementById('readStatus');
    var bar = PF('readBar');
    box.style.display = '';
    bar.setValue(0);
    status.textContent = '';
    var lang = (box.dataset.lang || 'fr').replace('_', '-');
    var fill = function (template, a, b) { return template.replace('{0}', a).replace('{1}', b); };
    this.timer = setInterval(function () {
      fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s || s.done) {
            return;
          }
          bar.setValue(s.percent);
          var text = fill(box.dataset.lines, s.linesRead.toLocaleString(lang), s.linesTotal.toLocaleString(lang));
          if (s.estimated) {
            text += ' ' + box.dataset.estimated;
          }
          if (s.passes > 1) {
            text += ' · ' + fill(box.dataset.pass, s.pass, s.passes);
          }
          status.textContent = text;
        })
        .catch(function () {});
    }, 300);
  },
  stop: function () {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    var status = document.getElementById('readStatus');
    if (status) {
      status.textContent = '';
    }
    if (document.getElementById('readBar') && PF('readBar')) {
      PF('readBar').setValue(100);
    }
  }
};
