'use strict';
// Renders the demo's result table as plain text (long cells wrap at word boundaries).

function formatBytes(n) {
	if (!n) return '0 B';
	const units = ['B', 'KiB', 'MiB', 'GiB'];
	let i = 0;
	let v = n;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${i ? v.toFixed(1) : v} ${units[i]}`;
}

function wrap(text, width) {
	const lines = [];
	let line = '';
	for (const word of String(text).split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	lines.push(line);
	return lines;
}

const COLUMNS = [
	{ title: 'Workflow', max: 56, cell: (r) => r.workflow },
	{ title: 'Node', max: 24, cell: (r) => r.node },
	{ title: 'Operations', max: 34, cell: (r) => r.operations || '-' },
	{ title: 'Bytes', right: true, cell: (r) => formatBytes(r.bytes) },
	{ title: 'SHA-256', cell: (r) => (r.verified ? 'verified' : 'FAILED') },
	{ title: 'Seconds', right: true, cell: (r) => (r.seconds ? r.seconds.toFixed(2) : '-') },
];

function renderTable(rows) {
	const cells = rows.map((r) => COLUMNS.map((c) => wrap(c.cell(r), c.max || 1e9)));
	const widths = COLUMNS.map((c, i) =>
		Math.max(c.title.length, ...cells.map((row) => Math.max(...row[i].map((l) => l.length)))),
	);
	const line = (parts) =>
		parts
			.map((p, i) => (COLUMNS[i].right ? p.padStart(widths[i]) : p.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	const out = [line(COLUMNS.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w)))];
	for (const row of cells) {
		const height = Math.max(...row.map((c) => c.length));
		for (let k = 0; k < height; k++) out.push(line(row.map((c) => c[k] || '')));
	}
	return out.join('\n');
}

module.exports = { renderTable, formatBytes };
