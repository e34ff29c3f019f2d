'use strict';
// What `npm run bench` measures: each scenario runs our node and its reference on the same bytes
// against the same storage, alternating, and states its targets. Sizes come from the settings
// (bench/settings.js); add a scenario by adding an entry here.
const MiB = 1024 * 1024;

const growthOf = (runs) => runs.map((r) => (r.peakRss - r.rssBefore) / MiB);

/** A target met or missed, and by how much when missed. */
function atLeast(what, value, floor, unit = '×') {
	return { what, ok: value >= floor, value, limit: floor, unit, kind: '≥' };
}
function atMost(what, value, ceiling, unit = 'MiB') {
	return { what, ok: value <= ceiling, value, limit: ceiling, unit, kind: '≤' };
}

function scenarios(settings) {
	const { partSize } = settings;
	return [
		{
			id: 'put',
			title: 'PUT, filesystem-mode binary',
			size: settings.putBytes,
			ours: { method: 'PUT' },
			reference: 'curl -T',
			// The same upload at the small size: memory that grows with the file would show here.
			flatAt: settings.flatBytes,
			targets: ({ ratio, growthMiB, flatGrowthMiB }) => [
				atLeast('throughput vs curl -T', ratio, 0.95),
				atMost(
					`RSS growth minus the ${settings.flatBytes / MiB} MiB run's`,
					growthMiB - flatGrowthMiB,
					8,
				),
			],
		},
		{
			id: 'hash-put',
			title: 'Hash then PUT, filesystem-mode binary',
			size: settings.putBytes,
			// Screening Eagle Inspect's path: the file is read once for its SHA-256, then sent.
			ours: { method: 'PUT', hashFirst: true },
			reference: 'sha256sum then curl -T',
			targets: ({ ratio }) => [atLeast('throughput vs sha256sum then curl -T', ratio, 0.9)],
		},
		{
			id: 'post',
			title: 'POST form',
			size: settings.postBytes,
			ours: { method: 'POST' },
			reference: 'curl -F',
			targets: ({ ratio }) => [atLeast('throughput vs curl -F', ratio, 0.9)],
		},
		{
			id: 'multipart',
			title: `Multipart, ${partSize / MiB} MiB parts, ${settings.concurrency} at once`,
			size: settings.multipartBytes,
			ours: { method: 'MULTIPART', concurrency: settings.concurrency },
			reference: `${settings.concurrency} parallel curl over the same part URLs`,
			targets: ({ ratio, growthMiB, flatGrowthMiB }) => [
				atLeast(`throughput vs ${settings.concurrency} parallel curl`, ratio, 0.9),
				atMost(
					`RSS growth (≤ (${settings.concurrency} + 1) × part + the flat PUT's)`,
					growthMiB,
					((settings.concurrency + 1) * partSize) / MiB + flatGrowthMiB,
				),
			],
		},
		{
			id: 'multipart-1',
			title: `Multipart, ${partSize / MiB} MiB parts, 1 at once`,
			size: settings.multipartBytes,
			ours: { method: 'MULTIPART', concurrency: 1 },
			reference: '1 curl over the same part URLs',
			targets: ({ ratio }) => [atLeast('throughput vs 1 curl', ratio, 0.9)],
		},
		{
			id: 'items',
			kind: 'items',
			title: `${settings.items} items × ${settings.itemBytes / 1024} KiB, ${settings.itemLatencyMs} ms storage latency, Items at Once ${settings.itemsAtOnce}`,
			size: settings.items * settings.itemBytes,
			reference: 'the same with Items at Once 1',
			targets: ({ ratio, inOrder }) => [
				atLeast('speed-up over 1 at once', ratio, 5),
				{
					what: 'order, pairedItem and every SHA-256 unchanged',
					ok: inOrder,
					text: inOrder ? 'yes' : 'no',
				},
			],
		},
		{
			id: 'in-memory',
			title: 'PUT, in-memory (default) binary mode',
			size: settings.memoryBytes,
			ours: { method: 'PUT', mode: 'default' },
			reference: 'curl -T',
			targets: ({ ratio, growthMiB, flatGrowthMiB }) => [
				atMost(
					'RSS growth (≤ one copy of the file + the flat PUT’s)',
					growthMiB,
					settings.memoryBytes / MiB + flatGrowthMiB,
				),
				atLeast('throughput vs curl -T (informative)', ratio, 0),
			],
		},
	];
}

module.exports = { scenarios, growthOf, atLeast, atMost };
