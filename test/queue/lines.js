'use strict';
// Follows a child process's output line by line into a log file, so callers can wait for the
// line that says something happened (a server is ready, a worker finished an execution)
// instead of polling or sleeping.
const fs = require('node:fs');
const { tail } = require('../e2e/n8n-home');

/**
 * @returns {{lines: string[], waitFor(pattern: RegExp, what: string): Promise<RegExpMatchArray>}}
 *   waitFor resolves with the first line (already seen or still to come) matching `pattern`,
 *   and rejects when the process exits without printing one.
 */
function followOutput(child, log) {
	fs.writeFileSync(log, '');
	const lines = [];
	const waiters = new Set();
	let exit;
	let partial = '';
	const onData = (chunk) => {
		fs.appendFileSync(log, chunk);
		const text = partial + chunk.toString('utf8');
		const parts = text.split('\n');
		partial = parts.pop();
		for (const line of parts) {
			lines.push(line);
			for (const w of [...waiters]) {
				const match = w.pattern.exec(line);
				if (match) {
					waiters.delete(w);
					w.resolve(match);
				}
			}
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.on('exit', (code, signal) => {
		exit = signal ? `killed by ${signal}` : `exit code ${code}`;
		for (const w of waiters) w.fail();
		waiters.clear();
	});
	return {
		lines,
		waitFor(pattern, what) {
			return new Promise((resolve, reject) => {
				const seen = lines.map((l) => pattern.exec(l)).find(Boolean);
				if (seen) return resolve(seen);
				const fail = () => reject(new Error(`${what} ended (${exit}) first\n${tail(log)}`));
				if (exit) return fail();
				waiters.add({ pattern, resolve, fail });
			});
		},
	};
}

/** Resolves once the child prints a line matching `pattern`. */
async function waitForLine(child, log, pattern, { what }) {
	return await followOutput(child, log).waitFor(pattern, what);
}

module.exports = { followOutput, waitForLine };
