'use strict';
// Checks the Sivi examples' sidecars share (see test/e2e/README.md).
const crypto = require('node:crypto');

const { DEFAULT_API_KEY, BASE_PATH } = require('../../sandbox/providers/sivi');

/** The storage key behind a file URL the node output (…/<bucket>/<key>). */
function storageKey(sandbox, fileUrl) {
	const prefix = `${sandbox.storage.url}/${sandbox.storage.bucket}/`;
	if (typeof fileUrl !== 'string' || !fileUrl.startsWith(prefix)) {
		throw new Error(`"${fileUrl}" is not a URL of the sandbox storage`);
	}
	return fileUrl.slice(prefix.length);
}

/** The file a Settings field holds as base64, as an independent source to compare with. */
function settingsFile(workflowFile, field) {
	const workflow = require(workflowFile);
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	const value = settings.parameters.assignments.assignments.find((a) => a.name === field).value;
	const body = Buffer.from(value, 'base64');
	return { size: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex') };
}

/** The one object stored for the item, identical to `expected`, stored as `contentType`. */
function expectStored({ storage, sandbox }, fileUrl, expected, contentType) {
	const key = storageKey(sandbox, fileUrl);
	const object = storage.get(key);
	if (!object) throw new Error(`storage has no object "${key}"`);
	if (object.sha256 !== expected.sha256 || object.size !== expected.size) {
		throw new Error(`"${key}" is not the file of the workflow`);
	}
	if (object.contentType !== contentType)
		throw new Error(`"${key}" is stored as ${object.contentType}`);
	return key;
}

const credentials = ({ urls }) => [
	{
		id: 'siviSandbox',
		name: 'Sivi sandbox',
		type: 'siviApi',
		data: { apiKey: DEFAULT_API_KEY, baseUrl: `${urls.sivi}${BASE_PATH}`, apiPlan: 'general' },
	},
];

module.exports = { credentials, expectStored, settingsFile };
