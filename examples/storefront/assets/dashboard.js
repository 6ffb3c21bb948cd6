/* Tableau de bord de la mesure d'audience : lit GET /v1/events/summary et l'affiche.
 * Chargé en fichier externe (CSP stricte) ; les données passent par textContent, jamais en HTML. */
(function () {
  'use strict';

  var form = document.getElementById('dashboard-form');
  var select = document.getElementById('dashboard-days');
  var status = document.getElementById('dashboard-status');
  var totals = document.getElementById('dashboard-totals');
  var body = document.querySelector('#dashboard-table tbody');
  var number = new Intl.NumberFormat('fr-FR');
  var dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' });

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  function render(rows) {
    totals.replaceChildren();
    body.replaceChildren();
    var byName = new Map();
    rows.forEach(function (row) { byName.set(row.name, (byName.get(row.name) || 0) + row.count); });
    var max = Math.max.apply(null, [1].concat(Array.from(byName.values())));
    Array.from(byName.entries())
      .sort(function (a, b) { return b[1] - a[1]; })
      .forEach(function (entry) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        name.className = 'total-name';
        name.textContent = entry[0];
        var count = document.createElement('span');
        count.className = 'total-count';
        count.textContent = number.format(entry[1]);
        var bar = document.createElement('span');
        bar.className = 'total-bar';
        bar.setAttribute('aria-hidden', 'true');
        // CSSOM, not a style attribute: allowed under style-src 'self'.
        bar.style.setProperty('--share', String(entry[1] / max));
        item.append(name, count, bar);
        totals.appendChild(item);
      });
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      cell(tr, dateFormat.format(new Date(row.day + 'T00:00:00Z')));
      cell(tr, row.name);
      cell(tr, number.format(row.count), 'num');
      body.appendChild(tr);
    });
    var total = rows.reduce(function (sum, row) { return sum + row.count; }, 0);
    status.textContent = total === 0
      ? 'Aucun événement sur la période.'
      : number.format(total) + ' événements sur ' + select.value + ' jours.';
  }

  function load() {
    status.textContent = 'Chargement…';
    fetch('/v1/events/summary?days=' + encodeURIComponent(select.value), { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (summary) { render(summary.rows); })
      .catch(function (error) { status.textContent = 'Le résumé est indisponible (' + error.message + ').'; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  select.addEventListener('change', load);
  load();
})();
