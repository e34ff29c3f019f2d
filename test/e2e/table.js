'use strict';
// Renders the demo's result table as plain text.

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

function renderTable(rows) {
	const header = ['Workflow', 'Node', 'Operations', 'Bytes', 'SHA-256 (storage side)', 'Seconds'];
	const body = rows.map((r) => [
		r.workflow,
		r.node,
		r.operations || '-',
		formatBytes(r.bytes),
		r.verified ? 'verified' : 'FAILED',
		r.seconds ? r.seconds.toFixed(2) : '-',
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
	const right = new Set([3, 5]);
	const line = (cells) =>
		cells
			.map((c, i) => (right.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
			.join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

module.exports = { renderTable, formatBytes };
