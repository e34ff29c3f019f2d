'use strict';
// The wire's limit for each scenario: curl (and sha256sum) sending the same bytes to the same
// storage, timed from the first process start to the last byte acknowledged.
const { spawn } = require('node:child_process');

/** Runs a command; resolves with its stdout, rejects with its stderr when it fails. */
function run(command, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		child.stdout.on('data', (chunk) => out.push(chunk));
		child.stderr.on('data', (chunk) => err.push(chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(Buffer.concat(out).toString('utf8'))
				: reject(new Error(`${command} exited ${code}: ${Buffer.concat(err)}`)),
		);
	});
}

async function timed(work) {
	const started = process.hrtime.bigint();
	const value = await work();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

// `Expect:` off: curl would otherwise wait for 100-continue before every body.
const CURL = ['-sS', '-f', '-o', '/dev/null', '-H', 'Expect:'];

/** `curl -T` of the whole file to a presigned PUT URL. */
async function curlPut(file, target) {
	const headers = Object.entries(target.headers ?? {}).flatMap(([n, v]) => ['-H', `${n}: ${v}`]);
	return await timed(() => run('curl', [...CURL, ...headers, '-T', file, target.url]));
}

/** `curl -F` with the target's fields, then the file last, as S3 wants it. */
async function curlPost(file, target) {
	const fields = Object.entries(target.fields).flatMap(([n, v]) => ['-F', `${n}=${v}`]);
	return await timed(() =>
		run('curl', [
			...CURL,
			...fields,
			'-F',
			`file=@${file};type=application/octet-stream`,
			target.url,
		]),
	);
}

function completionXml(etags) {
	const parts = etags
		.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
		.join('');
	return `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`;
}

/**
 * The same part URLs uploaded by `concurrency` curl processes (part i by process i mod N, each
 * reusing its connection), then CompleteMultipartUpload with the ETags they got back.
 */
async function curlMultipart(partFiles, target, concurrency) {
	return await timed(async () => {
		const etags = [];
		const workers = Array.from({ length: concurrency }, async (_, worker) => {
			const mine = partFiles.map((file, i) => i).filter((i) => i % concurrency === worker);
			if (mine.length === 0) return;
			const args = ['-sS', '-f', '-H', 'Expect:'];
			for (const i of mine)
				args.push(
					'-T',
					partFiles[i],
					target.parts[i].url,
					'-o',
					'/dev/null',
					'-w',
					'%header{etag}\\n',
				);
			const lines = (await run('curl', args)).trim().split('\n');
			mine.forEach((i, n) => (etags[i] = lines[n]));
		});
		await Promise.all(workers);
		const response = await fetch(target.completeUrl, {
			method: 'POST',
			body: completionXml(etags),
		});
		const answer = await response.text();
		if (!response.ok || answer.includes('<Error>'))
			throw new Error(`complete failed: ${answer.slice(0, 300)}`);
	});
}

/** `sha256sum` of the file, then `curl -T`: what a provider that wants the hash first costs. */
async function sha256sumThenPut(file, target) {
	return await timed(async () => {
		await run('sha256sum', [file]);
		await run('curl', [...CURL, '-T', file, target.url]);
	});
}

module.exports = { run, curlPut, curlPost, curlMultipart, sha256sumThenPut };
