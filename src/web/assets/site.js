// Progressive enhancement only: every page works without this file. On the review desk it adds
// keyboard shortcuts: a accept, r reject, f flip stance, j next, k previous, u undo.
(function () {
  'use strict';
  var desk = document.querySelector('[data-desk]');
  if (!desk) return;
  var listView = desk.getAttribute('data-view') === 'list';

  function items() {
    return Array.prototype.slice.call(desk.querySelectorAll('[data-item]'));
  }
  function current() {
    return desk.querySelector('[data-item].is-current') || items()[0] || null;
  }
  function makeCurrent(item) {
    items().forEach(function (el) {
      el.classList.remove('is-current');
    });
    item.classList.add('is-current');
    item.focus();
  }
  function move(step) {
    if (!listView) {
      var link = document.querySelector(step > 0 ? 'a[data-key="j"]' : 'a[data-key="k"]');
      if (link) window.location.assign(link.href);
      return;
    }
    var all = items();
    var next = all[all.indexOf(current()) + step];
    if (next) makeCurrent(next);
  }
  function press(key) {
    var item = current();
    if (!item) return;
    var button = item.querySelector('button[data-key="' + key + '"]');
    if (button) button.click();
  }
  function flip() {
    var item = current();
    var select = item && item.querySelector('select[data-stance]');
    if (!select) return;
    select.selectedIndex = select.selectedIndex === 0 ? 1 : 0;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  function undo() {
    var button = document.querySelector('[data-undo-form] button');
    if (button) button.click();
  }

  var actions = {
    a: function () {
      press('a');
    },
    r: function () {
      press('r');
    },
    f: flip,
    j: function () {
      move(1);
    },
    k: function () {
      move(-1);
    },
    u: undo,
  };

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    var action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  desk.addEventListener('click', function (event) {
    var item = event.target.closest && event.target.closest('[data-item]');
    if (item && listView)
      items().forEach(function (el) {
        el.classList.toggle('is-current', el === item);
      });
  });
})();
