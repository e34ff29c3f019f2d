'use strict';
// What `npm run test:e2e` checks after running upscale-to-disk.json in n8n (see test/e2e/README.md).
const crypto = require('node:crypto');

const { fixture } = require('../../sandbox/presign-api');
const { DEFAULT_API_KEY, upscaledBytes } = require('../../sandbox/providers/upscayl');

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

const credentials = ({ urls }) => [
	{
		id: 'upscaylSandbox',
		name: 'Upscayl sandbox',
		type: 'upscaylApi',
		data: { apiKey: DEFAULT_API_KEY, baseUrl: urls.upscayl },
	},
];

/** The photo arrived byte for byte, and the task's result is the emulator's transform of it. */
function checkUploadAndResult({ storage, sandbox }, { path, taskId }) {
	const photo = fixture('photo.jpg');
	const uploaded = storage.get(path);
	if (!uploaded) throw new Error(`storage has no uploaded photo at "${path}"`);
	if (uploaded.sha256 !== photo.sha256) throw new Error(`"${uploaded.key}" is not the photo`);
	const result = [...storage.values()].find((o) => o.key.startsWith(`results/${taskId}/`));
	if (!result) throw new Error(`storage has no result of task ${taskId}`);
	if (result.sha256 !== sha256(upscaledBytes(photo.body))) {
		throw new Error(`"${result.key}" is not the upscaled photo`);
	}
	const upload = [...sandbox.emulators.upscayl.uploads.values()].find((u) => u.key === path);
	if (!upload?.completed) throw new Error('the multipart upload was not completed through the API');
	return result;
}

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials,
	checkUploadAndResult,
	calls: [
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg' },
		{ server: 'upscayl', method: 'POST', path: '/get-upload-url' },
		{ server: 'upscayl', method: 'POST', path: '/complete-multipart-upload' },
		{ server: 'upscayl', method: 'POST', path: '/start-task' },
		{ server: 'upscayl', method: 'POST', path: '/get-task-status', times: 2 },
	],
	outputs: {
		'Upscale photo': ['uploadId', 'path', 'upload.etags', 'taskId', 'task.status', 'result.sha256'],
		'Write upscaled image': ['fileName'],
	},
	/** The upscaled image reached the Write node as a PNG binary of the result's size. */
	check({ items, storage, sandbox }) {
		const [item] = items('Upscale photo') ?? [];
		const result = checkUploadAndResult({ storage, sandbox }, item?.json ?? {});
		const upscaled = item.binary?.upscaled;
		if (upscaled?.mimeType !== 'image/png') {
			throw new Error(`the upscaled binary is ${upscaled?.mimeType}, expected image/png`);
		}
		if (item.json.result.sha256 !== result.sha256) {
			throw new Error('the upscaled binary is not the stored result');
		}
		const written = items('Write upscaled image')?.[0]?.json?.fileName;
		if (!/upscaled-.+\.png$/.test(written ?? '')) throw new Error(`wrote ${written}`);
	},
};
