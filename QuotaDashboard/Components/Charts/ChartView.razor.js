import { Chart, enUS, kk, ru } from '../../lib/charts/charts.js';

const font = { family: 'Roboto, "Segoe UI", Helvetica, Arial, sans-serif' };

// Charts that have shown a first frame. A first draw has nothing on screen to move from, so it shows the final state at
// once; a later change animates from what is shown.
const shown = new WeakSet();

/**
 * Draws the chart in a task of its own: a page's charts are created one after the other, and the browser shows each as
 * soon as it is drawn instead of all of them at the end. Nothing is drawn for a canvas that has left the page meanwhile.
 */
export async function create(canvas, spec) {
    await new Promise(resolve => setTimeout(resolve));
    return canvas.isConnected ? new Chart(canvas, toConfig(canvas, spec)) : null;
}

export function update(chart, spec) {
    const config = toConfig(chart.canvas, spec);
    chart.data = config.data;
    chart.options = config.options;
    chart.update();
}

export function destroy(chart) {
    chart.destroy();
}

/**
 * Draws the chart again off screen, at slide size on white, framed by its title, date, filters and source,
 * and downloads it as a PNG.
 */
export function exportPng(spec, meta) {
    const width = 1920, height = 1080, top = 150, bottom = 70;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const config = toConfig(canvas, spec);
    config.options.responsive = false;
    config.options.animation = false;
    config.options.devicePixelRatio = 1;
    config.options.layout = { padding: { top, bottom, left: 40, right: 48 } };
    config.options.plugins.legend.labels = { ...config.options.plugins.legend.labels, font: { ...font, size: 16 } };
    for (const scale of Object.values(config.options.scales)) {
        scale.ticks = { ...scale.ticks, font: { ...font, size: 15 } };
    }
    config.plugins.push({
        id: 'exportFrame',
        beforeDraw: c => {
            const ctx = c.ctx;
            ctx.save();
            ctx.fillStyle = '#ffffff';
            ctx.fillRect(0, 0, width, height);
            ctx.restore();
        },
        afterDraw: c => {
            const ctx = c.ctx;
            ctx.save();
            ctx.fillStyle = '#1a1a1a';
            ctx.font = `500 34px ${font.family}`;
            ctx.fillText(meta.title, 40, 56);
            ctx.fillStyle = '#444';
            ctx.font = `20px ${font.family}`;
            ctx.fillText(meta.subtitle, 40, 92);
            if (meta.note) {
                ctx.fillStyle = '#b26a00';
                ctx.font = `600 20px ${font.family}`;
                ctx.fillText(meta.note, 40, 124);
            }
            ctx.fillStyle = '#555';
            ctx.font = `16px ${font.family}`;
            ctx.fillText(meta.source, 40, height - 28, width - 80);
            ctx.restore();
        },
    });
    const offscreen = new Chart(canvas, config);
    const url = canvas.toDataURL('image/png');
    offscreen.destroy();
    const link = document.createElement('a');
    link.href = url;
    link.download = meta.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
}

function toConfig(canvas, spec) {
    canvas.dataset.rendered = 'false';
    if (spec.kind === 'TileMap') {
        return tileMapConfig(spec);
    }
    layouts.set(canvas, { marks: spec.marks, rows: spec.marks.map(() => 0) });
    const number = numberFormat(spec.locale);
    const format = v => v === null || v === undefined ? '' : number.format(v) + (spec.valueSuffix ?? '');
    const timeline = spec.kind === 'Timeline';
    const options = {
        responsive: true,
        maintainAspectRatio: false,
        locale: spec.locale,
        animation: spec.animate ? { duration: ({ chart }) => shown.has(chart) ? 400 : 0 } : false,
        indexAxis: spec.kind === 'HorizontalBar' ? 'y' : 'x',
        plugins: {
            legend: { display: spec.series.length > 1, labels: { font, usePointStyle: timeline, pointStyleWidth: 24 } },
            tooltip: {
                callbacks: {
                    label: ctx => `${ctx.dataset.label}: ${format(ctx.parsed[spec.kind === 'HorizontalBar' ? 'x' : 'y'])}`,
                    afterLabel: ctx => ctx.dataset.notes?.[ctx.dataIndex] ?? '',
                },
            },
            annotation: { annotations: marks(spec) },
        },
        scales: timeline ? timeScales(spec, format) : categoryScales(spec, format),
    };
    const datasets = spec.series.map(s => timeline ? timeDataset(s) : barDataset(s));
    return { type: timeline ? 'line' : 'bar', data: { labels: timeline ? undefined : spec.labels, datasets }, options, plugins: [revisionLabels, finalFrame] };
}

// Making a number format is slow next to using one, and every chart and every update of a page asks for the same.
const numberFormats = new Map();

function numberFormat(locale) {
    let format = numberFormats.get(locale);
    if (!format) {
        // Chromium's locale data has no Kazakh number symbols and would group thousands with commas. Kazakh writes numbers as
        // Russian does, a no-break space between thousands and a decimal comma, as the server's kk culture does too.
        numberFormats.set(locale, format = new Intl.NumberFormat(locale.startsWith('kk') ? 'ru' : locale, { maximumFractionDigits: 1 }));
    }
    return format;
}

function categoryScales(spec, format) {
    const value = { beginAtZero: true, ticks: { callback: format, font }, grid: { color: '#e8ebf0' } };
    // Chart.js gives an axis well under half of the width: longer names are cut there and shown whole in the tooltip.
    const shorten = function (value) {
        const label = this.getLabelForValue(value);
        const room = Math.max(10, Math.floor(this.chart.width * 0.4 / 6.2));
        return label.length > room ? label.slice(0, room - 1) + '…' : label;
    };
    const category = { ticks: { font, autoSkip: false, callback: shorten }, grid: { display: false } };
    return spec.kind === 'HorizontalBar' ? { x: value, y: category } : { x: category, y: value };
}

function dateLocale(locale) {
    return locale.startsWith('ru') ? ru : locale.startsWith('kk') ? kk : enUS;
}

function timeScales(spec, format) {
    return {
        x: {
            type: 'time',
            min: spec.xMin ?? undefined,
            max: spec.xMax ?? undefined,
            time: { unit: 'month', tooltipFormat: 'yyyy-MM-dd', displayFormats: { month: 'MMM yyyy' } },
            adapters: { date: { locale: dateLocale(spec.locale) } },
            ticks: { font, maxRotation: 0, autoSkipPadding: 16 },
            grid: { color: '#eef0f4' },
        },
        y: { beginAtZero: true, ticks: { callback: format, font }, grid: { color: '#e8ebf0' } },
    };
}

function barDataset(s) {
    return {
        label: s.label,
        data: s.values,
        backgroundColor: s.colors.length ? s.colors : '#0b5394',
        borderColor: '#1b1b1b',
        borderWidth: s.outlined.length ? s.outlined.map(o => (o ? 2.5 : 0)) : 0,
        borderRadius: 3,
        notes: s.notes,
    };
}

function timeDataset(s) {
    const color = s.colors[0] ?? '#0b5394';
    const common = { label: s.label, data: s.points.map(p => ({ x: p.x, y: p.y })), borderColor: color, backgroundColor: color, notes: s.notes };
    switch (s.style) {
        case 'points': return { ...common, showLine: false, pointRadius: 5, pointHoverRadius: 7, pointStyle: 'rectRot', order: 0 };
        case 'step': return { ...common, borderWidth: 2.5, pointRadius: 0, pointStyle: 'line', spanGaps: false, order: 2 };
        case 'dashed': return { ...common, borderWidth: 2, borderDash: [6, 4], pointRadius: 0, pointStyle: 'dash', spanGaps: false, order: 3 };
        default: return { ...common, borderWidth: 2, pointRadius: 3, pointStyle: 'circle', tension: 0.2, spanGaps: false, order: 1 };
    }
}

/**
 * data-rendered="true" once the canvas holds the chart's final state, for tests, exports and print: Chart.js calls
 * afterRender after drawing without animation, or after the last frame of an animation.
 */
const finalFrame = {
    id: 'finalFrame',
    afterRender(chart) {
        shown.add(chart);
        chart.canvas.dataset.rendered = 'true';
    },
};

const labelFont = { ...font, size: 10 };
const labelPadding = 3;
const labelHeight = labelFont.size * 1.2 + 2 * labelPadding;
const labelGap = 4;

// The row of each mark's label, per canvas, worked out once the axes are laid out and read when the labels are placed.
const layouts = new WeakMap();

function marks(spec) {
    const result = {};
    spec.marks.forEach((m, i) => {
        result[`mark${i}`] = {
            type: 'line',
            xMin: m.x,
            xMax: m.x,
            borderColor: 'rgba(179, 77, 0, 0.6)',
            borderDash: [4, 4],
            borderWidth: 1,
            label: {
                display: true,
                content: m.label,
                position: 'start',
                yAdjust: ({ chart }) => -(layouts.get(chart.canvas)?.rows[i] ?? 0) * (labelHeight + labelGap / 2),
                backgroundColor: '#b34d00',
                font: labelFont,
                padding: labelPadding,
            },
        };
    });
    return result;
}

/**
 * Revision labels stand at the foot of the plot, where the axis starts at zero and no line runs. Revisions close in
 * time would put their labels on top of each other, so a label that would touch one already placed goes up a row.
 */
const revisionLabels = {
    id: 'revisionLabels',
    afterLayout(chart) {
        const layout = layouts.get(chart.canvas);
        if (!layout || layout.marks.length === 0) {
            return;
        }
        const { left, right } = chart.chartArea;
        const scale = chart.scales.x;
        const ctx = chart.ctx;
        ctx.save();
        ctx.font = `bold ${labelFont.size}px ${labelFont.family}`;
        const boxes = layout.marks
            .map((m, i) => ({ i, at: scale.getPixelForValue(scale.parse(m.x)), width: ctx.measureText(m.label).width + 2 * labelPadding }))
            .filter(b => b.at >= left && b.at <= right)
            // The annotation plugin keeps a label inside the chart area: the box starts where that puts it.
            .map(b => ({ ...b, start: Math.min(Math.max(b.at, left + labelPadding + b.width / 2), right - labelPadding - b.width / 2) - b.width / 2 }))
            .sort((a, b) => a.start - b.start);
        ctx.restore();
        const rowEnds = [];
        layout.rows = layout.marks.map(() => 0);
        for (const box of boxes) {
            let row = rowEnds.findIndex(end => end + labelGap <= box.start);
            if (row < 0) {
                row = rowEnds.length;
            }
            rowEnds[row] = box.start + box.width;
            layout.rows[box.i] = row;
        }
    },
    // Where each label was drawn, for the browser tests that check that none hides another or is cut by the edge.
    afterDraw(chart) {
        const boxes = Chart.registry.getPlugin('annotation').getAnnotations(chart)
            .map(a => a.label)
            .filter(l => l && l.options.display && l._visible !== false)
            .map(l => ({ text: [l.options.content].flat().join(' '), x: l.x, y: l.y, width: l.width, height: l.height }));
        const { left, top, right, bottom } = chart.chartArea;
        chart.canvas.dataset.chartArea = JSON.stringify({ left, top, right, bottom });
        chart.canvas.dataset.labelBoxes = JSON.stringify(boxes);
    },
};

/**
 * A tile map: one square per place on a grid that keeps places roughly where they lie, coloured and labelled by the spec.
 * A click on a tile follows its link.
 */
function tileMapConfig(spec) {
    const columns = Math.max(...spec.tiles.map(t => t.column)) + 1;
    const rows = Math.max(...spec.tiles.map(t => t.row)) + 1;
    const gap = 4;
    const width = ({ chart }) => chart.chartArea ? Math.max(8, chart.chartArea.width / columns - gap) : 0;
    const height = ({ chart }) => chart.chartArea ? Math.max(8, chart.chartArea.height / rows - gap) : 0;
    return {
        type: 'matrix',
        data: {
            datasets: [{
                label: spec.series[0]?.label ?? '',
                data: spec.tiles.map(t => ({ x: t.column, y: t.row, tile: t })),
                backgroundColor: ({ raw }) => raw?.tile.color,
                borderColor: '#ffffff',
                borderWidth: 1,
                width,
                height,
            }],
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: spec.animate ? { duration: ({ chart }) => shown.has(chart) ? 400 : 0 } : false,
            plugins: {
                legend: { display: false },
                tooltip: {
                    callbacks: {
                        title: items => items[0]?.raw.tile.lines[0] ?? '',
                        label: item => item.raw.tile.lines.slice(1).join(' · '),
                        afterLabel: item => item.raw.tile.note ?? '',
                    },
                },
            },
            scales: {
                x: { type: 'linear', min: -0.5, max: columns - 0.5, display: false },
                y: { type: 'linear', min: -0.5, max: rows - 0.5, reverse: true, display: false },
            },
            onHover: (event, elements) => {
                event.native.target.style.cursor = elements.some(e => e.element.$context.raw.tile.href) ? 'pointer' : 'default';
            },
            onClick: (event, elements) => {
                const href = elements[0]?.element.$context.raw.tile.href;
                if (href) {
                    window.Blazor?.navigateTo ? window.Blazor.navigateTo(href) : window.location.assign(href);
                }
            },
        },
        plugins: [tileLabels, finalFrame],
    };
}

/** Writes each tile's lines on it, the first in bold, as large as the tile allows. */
const tileLabels = {
    id: 'tileLabels',
    afterDatasetsDraw(chart) {
        const ctx = chart.ctx;
        for (const element of chart.getDatasetMeta(0).data) {
            const tile = element.$context.raw.tile;
            const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true);
            const size = Math.max(8, Math.min(14, width / 9, height / 5));
            const line = size * 1.25;
            const room = width - 6;
            ctx.save();
            // A long region name takes two lines rather than being squeezed into one.
            ctx.font = `600 ${size}px ${font.family}`;
            const name = wrapInTwo(ctx, tile.lines[0], room);
            const lines = [...name.map(text => ({ text, bold: true })), ...tile.lines.slice(1).map(text => ({ text, bold: false }))];
            const top = y + height / 2 - (lines.length * line) / 2 + line / 2;
            ctx.fillStyle = tile.textColor;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            lines.forEach(({ text, bold }, i) => {
                ctx.font = `${bold ? '600 ' : ''}${size}px ${font.family}`;
                ctx.fillText(text, x + width / 2, top + i * line, room);
            });
            ctx.restore();
        }
    },
};

function wrapInTwo(ctx, text, room) {
    if (ctx.measureText(text).width <= room) {
        return [text];
    }
    const words = text.split(/(?<=[\s-])/);
    let best = [text];
    let widest = Infinity;
    for (let i = 1; i < words.length; i++) {
        const parts = [words.slice(0, i).join('').trim(), words.slice(i).join('').trim()];
        const wide = Math.max(...parts.map(p => ctx.measureText(p).width));
        if (wide < widest) {
            widest = wide;
            best = parts;
        }
    }
    return best;
}
