'use strict';
// The bench's results as JSON and as the Markdown table the README shows. A full run writes
// bench/results/<date>.{json,md} and refreshes the README between its bench markers; a quick run
// writes .cache/bench/results-quick.{json,md} only.
const fs = require('node:fs');
const path = require('node:path');

const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

function verdict(target) {
	const { ok, value, limit, unit, kind, what, text } = target;
	if (text !== undefined) return `${what}: ${ok ? text : `**${text}**`}`;
	const shown = (n) => (unit === '×' ? `${n.toFixed(2)}×` : `${n.toFixed(0)} ${unit}`);
	if (ok) return `${what}: ${shown(value)} (target ${kind} ${shown(limit)}) met`;
	const gap = Math.abs(value - limit);
	return `${what}: ${shown(value)} (target ${kind} ${shown(limit)}) **missed by ${unit === '×' ? gap.toFixed(2) : gap.toFixed(0)}${unit === '×' ? '' : ` ${unit}`}**`;
}

function markdown(results) {
	const { settings, machine, rows, peers } = results;
	const lines = [
		`Machine: ${machine.cpu}, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, curl ${machine.curl}; load average ${machine.loadAtStart} at the start, ${machine.loadAtEnd} at the end; median of ${settings.runs} run(s); ${machine.durationS} s in all${settings.quick ? ' (quick run: small sizes)' : ''}.`,
		'',
		'| scenario | MiB | ours MiB/s | reference | reference MiB/s | ours ÷ reference | our RSS growth MiB | targets |',
		'|---|---:|---:|---|---:|---:|---:|---|',
		...rows.map(
			(row) =>
				`| ${row.title} | ${row.sizeMiB} | ${row.ours.mibPerS.toFixed(0)} | ${row.reference.client} | ${row.reference.mibPerS.toFixed(0)} | ${row.ratio.toFixed(2)}× | ${row.ours.rssGrowthMiB === undefined ? '-' : row.ours.rssGrowthMiB.toFixed(0)} | ${row.targets.map(verdict).join('; ')} |`,
		),
	];
	if (results.peersError) lines.push('', `Real n8n comparison failed: ${results.peersError}`);
	if (peers.length) {
		lines.push(
			'',
			"Real n8n (`n8n execute`, one process per run): the same presigned PUT by this package's node and by the HTTP Request node chain a user builds today.",
			'',
			'| file MiB | workflow | process wall s | upload node s | peak RSS growth MiB | HTTP Request ÷ ours: wall, upload node, RSS growth |',
			'|---:|---|---:|---:|---:|---|',
			...peers.flatMap((peer) => [
				`| ${peer.sizeMiB} | ${peer.ours.label} | ${(peer.ours.ms / 1000).toFixed(1)} | ${(peer.ours.uploadMs / 1000).toFixed(2)} | ${peer.ours.growthMiB.toFixed(0)} | ${peer.wallRatio.toFixed(2)}×, ${peer.uploadRatio.toFixed(2)}×, ${peer.rssRatio.toFixed(2)}× |`,
				`| ${peer.sizeMiB} | ${peer.peer.label} | ${(peer.peer.ms / 1000).toFixed(1)} | ${(peer.peer.uploadMs / 1000).toFixed(2)} | ${peer.peer.growthMiB.toFixed(0)} | |`,
			]),
		);
	}
	return `${lines.join('\n')}\n`;
}

function writeResults(results, { root, workDir }) {
	const text = markdown(results);
	const json = `${JSON.stringify(results, null, 2)}\n`;
	if (results.settings.quick) {
		fs.mkdirSync(workDir, { recursive: true });
		const files = [
			path.join(workDir, 'results-quick.json'),
			path.join(workDir, 'results-quick.md'),
		];
		fs.writeFileSync(files[0], json);
		fs.writeFileSync(files[1], text);
		return { markdown: text, files };
	}
	const dir = path.join(root, 'bench', 'results');
	fs.mkdirSync(dir, { recursive: true });
	const date = new Date().toISOString().slice(0, 10);
	const files = [path.join(dir, `${date}.json`), path.join(dir, `${date}.md`)];
	fs.writeFileSync(files[0], json);
	fs.writeFileSync(files[1], text);
	const readme = path.join(root, 'README.md');
	const current = fs.readFileSync(readme, 'utf8');
	const from = current.indexOf(START);
	const to = current.indexOf(END);
	if (from !== -1 && to > from) {
		const source = `Last full run: [bench/results/${date}.md](bench/results/${date}.md).\n\n`;
		fs.writeFileSync(
			readme,
			`${current.slice(0, from + START.length)}\n${source}${text}${current.slice(to)}`,
		);
		files.push(readme);
	}
	return { markdown: text, files };
}

module.exports = { writeResults, markdown };
