// Interactivity of a paretone report: point details on hover or click, linked highlighting across
// plots and the table, sortable tables, the published-models toggle, and a self-check that a
// headless browser runs with ?selfcheck. Everything is written with textContent, never innerHTML.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var trials = {};
  data.trialDetails.forEach(function (t) { trials[t.trial] = t; });
  var models = {};
  data.published.forEach(function (m) { models[m.name] = m; });
  var panel = document.getElementById('detail');
  var pinned = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function showTrial(t) {
    panel.replaceChildren();
    panel.appendChild(el('h3', 'Trial ' + t.trial + (t.front ? ' (Pareto front)' : '') + ', generation ' + t.generation));
    panel.appendChild(el('p', t.description));
    var dl = el('dl');
    dl.appendChild(el('dt', 'genome'));
    dl.appendChild(el('dd', t.genome, 'genome'));
    if (t.failure) { dl.appendChild(el('dt', 'failed')); dl.appendChild(el('dd', t.failure, 'reason')); }
    t.figures.forEach(function (f) { dl.appendChild(el('dt', f[0])); dl.appendChild(el('dd', f[1])); });
    panel.appendChild(dl);
    var link = el('a', 'row in the table of all trials');
    link.href = '#trial-' + t.trial;
    panel.appendChild(el('p')).appendChild(link);
  }

  function showModel(m) {
    panel.replaceChildren();
    panel.appendChild(el('h3', m.name));
    panel.appendChild(el('p', 'Published model, trained elsewhere at full scale on ' + (m.dataset || 'other data') + '.'));
    panel.appendChild(el('p', m.source));
  }

  function link(trial, on) {
    document.querySelectorAll('[data-trial="' + trial + '"]').forEach(function (e) {
      if (e.classList.contains('pt') || e.tagName === 'TR') { e.classList.toggle('linked', on); }
    });
  }

  function show(target) {
    if (target.dataset.trial && trials[target.dataset.trial]) {
      showTrial(trials[target.dataset.trial]);
    } else if (target.dataset.model && models[target.dataset.model]) {
      showModel(models[target.dataset.model]);
    }
  }

  document.querySelectorAll('.pt').forEach(function (pt) {
    pt.addEventListener('mouseenter', function () {
      if (pinned === null) { show(pt); }
      if (pt.dataset.trial) { link(pt.dataset.trial, true); }
    });
    pt.addEventListener('mouseleave', function () {
      if (pt.dataset.trial && pinned !== pt.dataset.trial) { link(pt.dataset.trial, false); }
    });
    pt.addEventListener('click', function () {
      if (pinned !== null) { link(pinned, false); }
      pinned = pt.dataset.trial || null;
      show(pt);
      if (pinned !== null) { link(pinned, true); }
    });
    pt.addEventListener('keydown', function (e) { if (e.key === 'Enter') { pt.dispatchEvent(new Event('click')); } });
  });

  document.querySelectorAll('#trials tbody tr').forEach(function (row) {
    row.addEventListener('click', function () { showTrial(trials[row.dataset.trial]); });
  });

  function sortKey(cell, numeric) {
    var raw = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
    if (!numeric) { return raw.toLowerCase(); }
    var v = parseFloat(raw);
    return isNaN(v) ? Infinity : v;
  }

  function sortTable(table, column, ascending) {
    var th = table.tHead.rows[0].cells[column];
    var numeric = th.dataset.type === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[column], numeric);
      var y = sortKey(b.cells[column], numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.classList.remove('sorted-asc', 'sorted-desc'); });
    th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener('click', function () { sortTable(table, i, !th.classList.contains('sorted-asc')); });
    });
  });

  var toggle = document.getElementById('show-published');
  if (toggle) {
    toggle.addEventListener('change', function () { document.body.classList.toggle('hide-published', !toggle.checked); });
  }

  // ?selfcheck: a headless browser dumps the DOM and reads the result from #selfcheck.
  if (/[?&]selfcheck\b/.test(window.location.search)) {
    // The first pair plot as shown: with the published models when it has them.
    var firstPair = document.querySelector('figure.pair');
    var scope = firstPair && (firstPair.querySelector('.with-published') || firstPair);
    var frontPoints = scope ? scope.querySelectorAll('.front .pt').length : 0;
    var table = document.getElementById('trials');
    var rows = table ? table.tBodies[0].rows.length : 0;
    var sorted = true;
    if (table && rows > 1) {
      sortTable(table, 0, false);
      var first = parseFloat(table.tBodies[0].rows[0].cells[0].dataset.sort);
      var last = parseFloat(table.tBodies[0].rows[rows - 1].cells[0].dataset.sort);
      sorted = first >= last;
      sortTable(table, 0, true);
    }
    // Clicking a front point must show that trial's architecture in the detail panel.
    var clicked = scope ? scope.querySelector('.front .pt') : null;
    var detailShown = true;
    if (clicked) {
      clicked.dispatchEvent(new MouseEvent('click'));
      var t = trials[clicked.dataset.trial];
      detailShown = panel.textContent.indexOf('Trial ' + t.trial) >= 0 && panel.textContent.indexOf(t.genome) >= 0;
      clicked.dispatchEvent(new MouseEvent('click'));
    }
    // Every embedded sample must be a player or an image with a data URI of its kind.
    var players = document.querySelectorAll('#samples audio[src^="data:audio/wav;base64,"]').length;
    var images = document.querySelectorAll('#samples img[src^="data:image/png;base64,"]').length;
    var result = {
      frontPoints: frontPoints, frontSize: data.frontSize, tableRows: rows, trials: data.trials,
      sortWorks: sorted, detailOnClick: detailShown, samplePlayers: players, sampleImages: images,
      samples: data.samples, errors: errors
    };
    result.ok = (data.trials === 0 || frontPoints === data.frontSize) && rows === data.trials && sorted
        && detailShown && players + images === data.samples && errors.length === 0;
    var out = document.getElementById('selfcheck');
    out.textContent = JSON.stringify(result);
    out.dataset.ok = String(result.ok);
    out.hidden = false;
  }
})();
