'use strict';
// What `npm run test:e2e` checks after running upload-and-submit.json in n8n (see test/e2e/README.md).
const { fixture } = require('../../sandbox/presign-api');
const { DEFAULT_API_KEY, SIDES } = require('../../sandbox/providers/legitmark');

const REQUIRED_SIDES = SIDES.filter((side) => side.required);

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials: ({ urls }) => [
		{
			id: 'legitmarkSandbox',
			name: 'Legitmark sandbox',
			type: 'legitmarkApi',
			data: { apiKey: DEFAULT_API_KEY, baseUrl: urls.legitmark, assetBaseUrl: urls.legitmark },
		},
	],
	calls: [
		{ server: 'legitmark', method: 'POST', path: '/api/v2/sr' },
		{ server: 'legitmark', method: 'GET', path: '/intent', times: REQUIRED_SIDES.length },
		{ server: 'legitmark', method: 'POST', path: /^\/api\/v2\/sr\/[0-9a-f-]{36}\/submit$/ },
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg', times: REQUIRED_SIDES.length },
	],
	outputs: {
		'Upload photo to side': ['serviceRequestId', 'sideId', 'side', 'upload.bytes', 'upload.sha256'],
		'Wait for required sides': ['sides.progress.met', 'waitedMs'],
		'Submit for authentication': ['uuid', 'state.primary'],
	},
	/** Every required side holds the photo, byte for byte, and the request moved on to QC. */
	check({ items, sandbox, storage }) {
		const created = items('Create service request')?.[0]?.json;
		if (!created?.uuid) throw new Error('"Create service request" output has no uuid');
		const photo = fixture('photo.jpg');
		for (const side of REQUIRED_SIDES) {
			const key = `sr/${created.uuid}/${side.uuid}.jpg`;
			const object = storage.get(key);
			if (!object) throw new Error(`storage has no object "${key}" for the ${side.name} side`);
			if (object.sha256 !== photo.sha256) throw new Error(`"${key}" is not the downloaded photo`);
			if (object.contentType !== 'image/jpeg')
				throw new Error(`"${key}" is stored as ${object.contentType}`);
		}
		const state = sandbox.emulators.legitmark.serviceRequests.get(created.uuid)?.state?.primary;
		if (state !== 'QC') throw new Error(`the service request is in state ${state}, expected QC`);
	},
};
