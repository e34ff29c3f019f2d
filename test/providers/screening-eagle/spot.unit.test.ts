import nock from 'nock';
import type { NodeOperationError } from 'n8n-workflow';

import {
	api,
	ASSET,
	credentials,
	FILE_ID,
	inspect,
	SECOND_FILE_ID,
	SPOT,
	TEMPLATE,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

const start = { name: 'Start', type: 'setFields', parameters: { fields: {} } };

const TAKEN = '2026-11-23T10:00:00.000Z';

const createSpot = (parameters = {}) =>
	inspect({
		resource: 'spot',
		operation: 'create',
		assetId: ASSET,
		spotTemplateId: TEMPLATE,
		complete: true,
		attachments: {
			attachment: [
				{ fileId: FILE_ID, name: 'crack.jpg', type: 1, remarks: 'north pier', createdAt: TAKEN },
				{ fileId: SECOND_FILE_ID, name: 'report.pdf', type: 0, remarks: '', createdAt: '' },
			],
		},
		additionalFields: { fields: '{"severity": "high"}', createdAt: TAKEN },
		...parameters,
	});

describe('Spot → Create', () => {
	it('posts the spot with its attachments, times in milliseconds, and outputs spotId', async () => {
		let sent: Record<string, unknown> = {};
		const before = Date.now();
		const call = api()
			.post('/api/inspect/v1/spot', (body) => {
				sent = body;
				return true;
			})
			.reply(201, { data: { id: SPOT } });

		const run = await env.engine.run({ nodes: [start, createSpot()], credentials });

		expect(run.error('Inspect')).toBeUndefined();
		expect(call.isDone()).toBe(true);
		const taken = Date.parse(TAKEN);
		expect(sent).toMatchObject({
			assetID: ASSET,
			spotTemplateID: TEMPLATE,
			complete: true,
			fields: { severity: 'high' },
			createdAt: taken,
			attachments: [
				{ fileID: FILE_ID, name: 'crack.jpg', type: 1, remarks: 'north pier', createdAt: taken },
				{ fileID: SECOND_FILE_ID, name: 'report.pdf', type: 0 },
			],
		});
		expect(Object.keys(sent).sort()).toEqual(
			['assetID', 'attachments', 'complete', 'createdAt', 'fields', 'spotTemplateID'].sort(),
		);
		const [, second] = sent.attachments as Array<Record<string, number>>;
		expect(second.remarks).toBeUndefined();
		expect(second.createdAt).toBeGreaterThanOrEqual(before);
		expect(second.updatedAt).toBe(second.createdAt);
		expect(run.output('Inspect')[0].json).toMatchObject({ spotId: SPOT });
	});

	it.each([
		[
			'an attachment file ID that is not a UUID',
			{ attachments: { attachment: [{ fileId: 'abc', name: 'x', type: 1 }] } },
			/^"Attachment 1 File ID" must be a UUID/,
		],
		[
			'a time in seconds',
			{
				attachments: {
					attachment: [{ fileId: FILE_ID, name: 'x', type: 1, createdAt: '1763892000' }],
				},
			},
			/^"Attachment 1 Created At" is 1763892000, which looks like seconds/,
		],
		[
			'an attachment without a name',
			{ attachments: { attachment: [{ fileId: FILE_ID, name: ' ', type: 1 }] } },
			/^"Attachment 1 Name" must not be empty/,
		],
		[
			'a spot template ID that is not a UUID',
			{ spotTemplateId: 'crack' },
			/^"Spot Template ID" must be a UUID/,
		],
		[
			'spot fields that are not a JSON object',
			{ additionalFields: { fields: '[1]' } },
			/^"Spot Fields \(JSON\)" must be a JSON object/,
		],
	])('refuses %s before any request, naming the field', async (_, parameters, message) => {
		const run = await env.engine.run({ nodes: [start, createSpot(parameters)], credentials });

		const error = run.error('Inspect') as NodeOperationError;
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/\[item 0\]$/);
		expect(env.unexpected.count()).toBe(0);
	});

	it("keeps Screening Eagle's envelope on a refused spot", async () => {
		api()
			.post('/api/inspect/v1/spot')
			.reply(404, { error: 'NotFound', errorDescription: 'spot template not found' });

		const run = await env.engine.run({ nodes: [start, createSpot()], credentials });

		const error = run.error('Inspect') as { httpCode?: string; message: string };
		expect(error.message).toBe('NotFound: spot template not found [item 0]');
		expect(error.httpCode).toBe('404');
	});
});

describe('Spot → Get Attachments', () => {
	it('asks with spotID and outputs one item per attachment', async () => {
		const call = api()
			.get('/api/inspect/v1/spot/attachment')
			.query({ spotID: SPOT })
			.reply(200, {
				data: [
					{ id: 'a1', name: 'crack.jpg', type: 1 },
					{ id: 'a2', name: 'report.pdf', type: 0 },
				],
			});

		const run = await env.engine.run({
			nodes: [start, inspect({ resource: 'spot', operation: 'getAttachments', spotId: SPOT })],
			credentials,
		});

		expect(call.isDone()).toBe(true);
		expect(run.output('Inspect').map((item) => item.json)).toEqual([
			{ spotId: SPOT, id: 'a1', name: 'crack.jpg', type: 1 },
			{ spotId: SPOT, id: 'a2', name: 'report.pdf', type: 0 },
		]);
	});

	it('tries a read again after a 500', async () => {
		const call = api()
			.get('/api/inspect/v1/spot/attachment')
			.query({ spotID: SPOT })
			.reply(500, { error: 'InternalServerError', errorDescription: 'try again' })
			.get('/api/inspect/v1/spot/attachment')
			.query({ spotID: SPOT })
			.reply(200, { data: [] });

		const run = await env.engine.run({
			nodes: [start, inspect({ resource: 'spot', operation: 'getAttachments', spotId: SPOT })],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(call.isDone()).toBe(true);
		expect(run.output('Inspect')).toEqual([]);
	});
});
