'use strict';
// Prints where a `node --cpu-prof` profile spent its busy samples: self time per function and per
// file, largest first. Idle samples are time spent waiting for the other side of the connection,
// so shares are of the busy time. Usage: node bench/profile-summary.js <file.cpuprofile> [top]
const fs = require('node:fs');
const path = require('node:path');

function ranked(map, total, top) {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([name, count]) => `${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
}

/** The profile's samples taken between `fromUs` and `toUs` after its start, nothing else. */
function withinWindow(profile, fromUs, toUs) {
	const samples = [];
	const timeDeltas = [];
	let at = 0;
	let kept = 0;
	profile.samples.forEach((id, index) => {
		at += profile.timeDeltas[index];
		if (at < fromUs || at > toUs) return;
		samples.push(id);
		timeDeltas.push(at - kept);
		kept = at;
	});
	return {
		...profile,
		startTime: profile.startTime + fromUs,
		endTime: profile.startTime + Math.min(toUs, at),
		samples,
		timeDeltas,
	};
}

function summarize(file, top = 15) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const busy = profile.samples.filter((id) => byId.get(id).callFrame.functionName !== '(idle)');
	const byFunction = new Map();
	const byFile = new Map();
	for (const id of busy) {
		const { callFrame } = byId.get(id);
		const where = callFrame.url ? path.basename(callFrame.url) : '(native)';
		const name = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
		byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
		byFile.set(where, (byFile.get(where) ?? 0) + 1);
	}
	const seconds = (profile.endTime - profile.startTime) / 1e6;
	return [
		`${path.basename(file)}: ${busy.length} busy of ${profile.samples.length} samples over ${seconds.toFixed(2)} s`,
		'busy time by function:',
		...ranked(byFunction, busy.length, top),
		'busy time by file:',
		...ranked(byFile, busy.length, top),
	].join('\n');
}

/**
 * Runs the workflow; with a `file`, writes a CPU profile of this process while its node `Upload`
 * ran, without the nodes before it (the source that made the files).
 */
async function profileUploadNode(file, runWorkflow) {
	if (!file) return await runWorkflow();
	const { Session } = require('node:inspector/promises');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 500 });
	const startedAt = Date.now();
	await session.post('Profiler.start');
	const run = await runWorkflow();
	const { profile } = await session.post('Profiler.stop');
	session.disconnect();
	const upload = run.raw.data.resultData.runData.Upload[0];
	const fromUs = (upload.startTime - startedAt) * 1000;
	const window = withinWindow(profile, fromUs, fromUs + upload.executionTime * 1000);
	fs.writeFileSync(file, JSON.stringify(window));
	return run;
}

module.exports = { summarize, withinWindow, profileUploadNode };

if (require.main === module) console.log(summarize(process.argv[2], Number(process.argv[3] || 15)));
