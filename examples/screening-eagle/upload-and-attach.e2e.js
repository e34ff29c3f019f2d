'use strict';
// What `npm run test:e2e` checks after running upload-and-attach.json in n8n (see test/e2e/README.md).
const { fixture } = require('../../sandbox/presign-api');
const { ASSETS, DEFAULT_TOKEN } = require('../../sandbox/providers/screening-eagle');

const base64Of = (hex) => Buffer.from(hex, 'hex').toString('base64');

const credentials = ({ urls }) => [
	{
		id: 'seSandbox',
		name: 'Screening Eagle sandbox',
		type: 'screeningEagleInspectApi',
		data: {
			baseUrl: urls['screening-eagle'],
			token: DEFAULT_TOKEN,
			authScheme: 'bearer',
			testAssetId: ASSETS.bridge.id,
		},
	},
];

/** The emulator's record of an uploaded file: completed, and its bytes are the fixture's. */
function expectCompleted(sandbox, fileId, fixtureName) {
	const file = sandbox.emulators['screening-eagle'].files.get(fileId);
	if (!file) throw new Error(`Screening Eagle has no file ${fileId}`);
	if (file.status !== 'uploaded') throw new Error(`file ${fileId} is ${file.status}, not uploaded`);
	const expected = base64Of(fixture(fixtureName).sha256);
	if (file.hash !== expected || file.received?.sha256Base64 !== expected) {
		throw new Error(
			`file ${fileId}: announced ${file.hash}, stored ${file.received?.sha256Base64}, expected ${expected}`,
		);
	}
	return file;
}

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials,
	expectCompleted,
	calls: [
		{
			server: 'screening-eagle',
			method: 'POST',
			path: '/api/inspect/v1/file/upload/presigned',
			times: 2,
		},
		{
			server: 'screening-eagle',
			method: 'POST',
			path: '/api/inspect/v1/file/upload/complete',
			times: 2,
		},
		{ server: 'screening-eagle', method: 'POST', path: '/api/inspect/v1/spot' },
		{ server: 'screening-eagle', method: 'GET', path: '/api/inspect/v1/spot/attachment' },
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg' },
		{ server: 'presignApi', method: 'GET', path: '/files/notes.txt' },
	],
	outputs: {
		'Upload photo': ['fileId', 'alreadyUploaded', 'hash', 'upload.sha256', 'completed'],
		'Upload report': ['fileId', 'alreadyUploaded', 'hash', 'upload.sha256', 'completed'],
		'Create spot': ['spotId'],
		'Get attachments': ['id', 'spotID', 'name', 'type', 'url'],
	},
	/** Both files are completed with the fixtures' bytes and attached to one spot. */
	check({ items, sandbox }) {
		const photo = expectCompleted(sandbox, items('Upload photo')[0].json.fileId, 'photo.jpg');
		const report = expectCompleted(sandbox, items('Upload report')[0].json.fileId, 'notes.txt');
		if (report.contentType !== 'text/plain')
			throw new Error(`the report was announced as ${report.contentType}`);
		const spotId = items('Create spot')[0].json.spotId;
		const spot = sandbox.emulators['screening-eagle'].spots.get(spotId);
		const attached = (spot?.attachments ?? []).map((a) => `${a.fileID}:${a.type}`);
		const expected = [`${photo.id}:1`, `${report.id}:0`];
		if (JSON.stringify(attached) !== JSON.stringify(expected)) {
			throw new Error(`spot ${spotId} has attachments ${attached}, expected ${expected}`);
		}
		if (items('Get attachments').length !== 2)
			throw new Error('Get attachments did not list both files');
	},
};
