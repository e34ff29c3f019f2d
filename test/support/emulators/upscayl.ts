// The Upscayl Cloud emulator (sandbox/providers/upscayl.js) as tests use it.
import type { JsonApiEmulator } from '../sandbox';

export interface UpscaylUpload {
	uploadId: string;
	key: string;
	partSize: number;
	completed: boolean;
	file: Record<string, unknown>;
}

export interface UpscaylTask {
	taskId: string;
	model: string;
	scale: number;
	saveImageAs: string;
	enhanceFace: boolean;
	looks: number;
	status?: string;
}

export interface UpscaylEmulator extends JsonApiEmulator {
	apiKey: string;
	uploads: Map<string, UpscaylUpload>;
	tasks: Map<string, UpscaylTask>;
	readonly credits: number;
	setCredits(credits: number): void;
	setPartSize(bytes: number): void;
	setUploadExpiry(expiry: { expiresIn?: number; signedSecondsAgo?: number }): void;
	setProcessingLooks(looks: number): void;
	failNextTasks(times?: number): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/upscayl') as {
	DEFAULT_API_KEY: string;
	DEFAULT_PART_SIZE: number;
	CREDITS_PER_TASK: number;
	upscaledBytes(input: Buffer): Buffer;
};

export const { DEFAULT_API_KEY, DEFAULT_PART_SIZE, CREDITS_PER_TASK, upscaledBytes } = emulator;
