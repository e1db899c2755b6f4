// Draws each chart (ECharts) from the option the server rendered beside its table. A bar, month
// or point that carries a url opens the customers behind it. Tooltips are drawn on the canvas
// (richText) with plain-text lines, so no inline style reaches the page under the strict CSP.
(function () {
  'use strict';

  var lang = document.documentElement.lang || undefined;

  function number(value, money) {
    if (value === null || value === undefined || value === '-') {
      return '—';
    }
    var text = Number(value).toLocaleString(lang, money ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : {});
    return money ? '¥' + text : text;
  }

  function tooltip(option) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      var lines = [list[0].axisValueLabel !== undefined ? list[0].axisValueLabel : list[0].name];
      list.forEach(function (p) {
        var series = option.series[p.seriesIndex] || {};
        var value = Array.isArray(p.value) ? p.value[1] : p.value;
        lines.push(p.seriesName + ': ' + number(value, series.money) + (series.percent ? '%' : ''));
      });
      return lines.join('\n');
    };
  }

  function draw(holder) {
    var option = JSON.parse(holder.getAttribute('data-chart'));
    if (option.tooltip) {
      option.tooltip.renderMode = 'richText';
      option.tooltip.formatter = tooltip(option);
    }
    var chart = echarts.init(holder, null, { renderer: 'canvas' });
    chart.setOption(option);
    chart.on('click', function (p) {
      if (p.data && p.data.url) {
        window.location.assign(p.data.url);
      }
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return; // the tables carry the same numbers and links
    }
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
