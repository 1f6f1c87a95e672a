/*
 * The import page's progress bar: polls how far the server has read the file while the preview is
 * read (watch), or while the confirm runs in the background (follow, which calls back once the
 * confirm is over, confirmed or failed).
 */
window.jalonImport = {
  timer: null,
  watch: function (url) {
    this.poll(url, null);
  },
  follow: function (url, done) {
    this.poll(url, done);
  },
  poll: function (url, done) {
    this.stop();
    var self = this;
    var box = document.getElementById('readProgress');
    var status = document.getElementById('readStatus');
    var bar = PF('readBar');
    box.style.display = '';
    bar.setValue(0);
    status.textContent = '';
    var lang = (box.dataset.lang || 'fr').replace('_', '-');
    var fill = function (template, a, b) { return template.replace('{0}', a).replace('{1}', b); };
    var busy = false;
    this.timer = setInterval(function () {
      if (busy) {
        return;
      }
      busy = true;
      fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          busy = false;
          if (!s) {
            return;
          }
          if (s.done) {
            if (done) {
              self.stop();
              done();
            }
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
          if (s.status) {
            text += ' · ' + fill(box.dataset.staged, s.staged.toLocaleString(lang), '');
            if (s.percent >= 99) {
              text += ' · ' + box.dataset.flip;
            }
          }
          status.textContent = text;
        })
        .catch(function () { busy = false; });
    }, done ? 500 : 300);
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
