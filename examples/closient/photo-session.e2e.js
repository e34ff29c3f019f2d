'use strict';
// What `npm run test:e2e` checks after running photo-session.json in n8n (see test/e2e/README.md).
const { fixture } = require('../../sandbox/presign-api');
const { DEFAULT_API_KEY } = require('../../sandbox/providers/closient');

const PHOTO_TYPES = ['front', 'nutrition', 'ingredients'];
const SESSION_PATH = /^\/scanner\/api\/v1\/sessions\/[23456789A-HJ-NP-Za-km-z]{22}/;

/** The session holds the three photos, registered with their types and sizes, and was submitted. */
function check({ items, sandbox, storage }) {
	const created = items('Create session')?.[0]?.json;
	if (!created?.sessionId) throw new Error('"Create session" output has no sessionId');
	const session = sandbox.emulators.closient.sessions.get(created.sessionId);
	if (!session) throw new Error(`the emulator has no session ${created.sessionId}`);
	const photo = fixture('photo.jpg');
	const types = session.photos.map((p) => p.photo_type);
	if (JSON.stringify(types) !== JSON.stringify(PHOTO_TYPES)) {
		throw new Error(
			`registered photo types are ${types.join(', ')}, expected ${PHOTO_TYPES.join(', ')}`,
		);
	}
	for (const registered of session.photos) {
		const object = storage.get(registered.s3_key);
		if (!object) throw new Error(`storage has no object "${registered.s3_key}"`);
		if (object.sha256 !== photo.sha256)
			throw new Error(`"${registered.s3_key}" is not the downloaded photo`);
		if (registered.file_size !== photo.size) {
			throw new Error(
				`"${registered.s3_key}" was registered with ${registered.file_size} bytes, not ${photo.size}`,
			);
		}
	}
	if (session.status !== 'COMPLETED')
		throw new Error(`the session is ${session.status}, expected COMPLETED`);
}

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials: ({ urls }) => [
		{
			id: 'closientSandbox',
			name: 'Closient sandbox',
			type: 'closientApi',
			data: { apiKey: DEFAULT_API_KEY, baseUrl: urls.closient },
		},
	],
	calls: [
		{ server: 'closient', method: 'POST', path: '/scanner/api/v1/sessions' },
		{
			server: 'closient',
			method: 'GET',
			path: /\/presigned-upload-url$/,
			times: PHOTO_TYPES.length,
		},
		{ server: 'closient', method: 'POST', path: /\/photos$/, times: PHOTO_TYPES.length },
		{ server: 'closient', method: 'POST', path: new RegExp(`${SESSION_PATH.source}/submit$`) },
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg', times: PHOTO_TYPES.length },
	],
	outputs: {
		'Upload photo': [
			'sessionId',
			'photoType',
			's3Key',
			'upload.bytes',
			'upload.sha256',
			'photo.photoId',
		],
		'Submit session': ['sessionId', 'status'],
		'Get status': ['session_status', 'extraction_status'],
	},
	check,
};
